// An async generator that awaits a Queue: two consumers, each iterating its
// own generator over one queue, take items in turns; task_done is called in
// the generator's cleanup (so join() counts items the consumer's body has
// finished with); a consumer cancelled while its generator waits in get()
// loses no item; one that breaks out of its loop closes the generator at the
// YIELD; a sentinel (0 here, None in Python) ends the generator.
// Python: agen_queue.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

struct Closed {
  std::string name;
  ~Closed() { std::printf("%s gen closed\n", name.c_str()); }
};

struct TaskDone {
  awaitc::Queue<int> &q;
  ~TaskDone() { q.task_done(); }
};

AWAITC_ASYNC awaitc::AsyncGenerator<int> items(awaitc::Queue<int> &q,
                                               std::string name) {
  Closed closed{name};
  try {
    while (true) {
      int item = AWAIT(q.get());
      if (item == 0) {
        q.task_done();
        std::printf("%s gen sees the sentinel\n", name.c_str());
        return;
      }
      TaskDone done{q};
      YIELD(item);
    }
  } catch (const awaitc::CancelledError &) {
    std::printf("%s gen cancelled in get(), qsize %zu\n", name.c_str(),
                q.qsize());
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<int> consumer(awaitc::Queue<int> &q,
                                        std::string name, int limit = -1) {
  int taken = 0;
  for (int item : AWAIT_EACH(items(q, name))) {
    std::printf("%s got %d\n", name.c_str(), item);
    ++taken;
    if (taken == limit) {
      std::printf("%s breaks\n", name.c_str());
      break;
    }
    AWAIT(awaitc::sleep(0));
  }
  std::printf("%s done after %d\n", name.c_str(), taken);
  return taken;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Queue<int> q;
  awaitc::Task<int> c1 = awaitc::create_task(consumer(q, "c1"));
  awaitc::Task<int> c2 = awaitc::create_task(consumer(q, "c2"));
  AWAIT(awaitc::sleep(0));
  for (int i = 1; i < 6; ++i)
    q.put_nowait(i);
  AWAIT(q.join());
  std::printf("joined, qsize %zu\n", q.qsize());

  c2.cancel();
  try {
    AWAIT(c2);
  } catch (const awaitc::CancelledError &) {
    std::printf("c2 cancelled: %s\n", c2.cancelled() ? "True" : "False");
  }
  q.put_nowait(6);
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));

  awaitc::Task<int> c3 = awaitc::create_task(consumer(q, "c3", 1));
  q.put_nowait(7);
  q.put_nowait(8);
  q.put_nowait(0);
  int took1 = AWAIT(c1);
  int took3 = AWAIT(c3);
  std::printf("c1 took %d, c3 took %d\n", took1, took3);
  AWAIT(q.join());
  std::printf("left: %zu, joined again\n", q.qsize());
}

int main() { awaitc::run(main_coro()); }
