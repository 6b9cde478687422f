// A worker pool over a Queue: three workers, two joiners, task_done after
// each item; join() returns for both joiners in the order they joined, and
// the workers are then cancelled (virtual clock). Python: queue_join_workers.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <vector>

AWAITC_ASYNC awaitc::Coro<void> worker(awaitc::Queue<int> &q,
                                       std::string name) {
  try {
    while (true) {
      int item = AWAIT(q.get());
      AWAIT(awaitc::sleep(item * 0.1));
      std::printf("%.2f %s finished %d\n", awaitc::loop_time(), name.c_str(),
                  item);
      q.task_done();
    }
  } catch (const awaitc::CancelledError &) {
    std::printf("%.2f %s stops\n", awaitc::loop_time(), name.c_str());
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> joiner(awaitc::Queue<int> &q,
                                       std::string name) {
  AWAIT(q.join());
  std::printf("%.2f %s sees the queue joined\n", awaitc::loop_time(),
              name.c_str());
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Queue<int> q;
  for (int item : {3, 1, 4, 1, 5, 9, 2, 6})
    q.put_nowait(item);
  std::vector<awaitc::Task<void>> ws, all;
  for (int i = 0; i < 3; ++i)
    ws.push_back(awaitc::create_task(worker(q, "w" + std::to_string(i))));
  all = ws;
  for (const char *n : {"j1", "j2"})
    all.push_back(awaitc::create_task(joiner(q, n)));
  AWAIT(q.join());
  std::printf("%.2f main joined\n", awaitc::loop_time());
  for (auto &w : ws)
    w.cancel();
  AWAIT(awaitc::wait(all));
  std::printf("cancelled: [%s, %s, %s]\n", ws[0].cancelled() ? "True" : "False",
              ws[1].cancelled() ? "True" : "False",
              ws[2].cancelled() ? "True" : "False");
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
