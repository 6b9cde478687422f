// Queue(maxsize=2) between a fast producer and two consumers: when putters
// and getters wake, hop for hop, with a ticker.
// Python: queue_producer_consumer.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <vector>

static const char *py(bool b) { return b ? "True" : "False"; }

AWAITC_ASYNC awaitc::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> producer(awaitc::Queue<int> &q) {
  for (int i = 0; i < 6; ++i) {
    std::printf("put %d (qsize %zu, full %s)\n", i, q.qsize(), py(q.full()));
    AWAIT(q.put(i));
    std::printf("put %d done\n", i);
  }
  for (int i = 0; i < 2; ++i)
    AWAIT(q.put(-1));
}

AWAITC_ASYNC awaitc::Coro<void> consumer(awaitc::Queue<int> &q,
                                         std::string name) {
  while (true) {
    int item = AWAIT(q.get());
    std::printf("%s got %d\n", name.c_str(), item);
    q.task_done();
    if (item < 0)
      return;
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Queue<int> q(2);
  awaitc::Task<void> t = awaitc::create_task(ticker(12));
  std::vector<awaitc::Task<void>> cs;
  for (const char *n : {"x", "y"})
    cs.push_back(awaitc::create_task(consumer(q, n)));
  AWAIT(producer(q));
  AWAIT(q.join());
  std::printf("joined, empty %s\n", py(q.empty()));
  for (awaitc::Task<void> &c : cs)
    AWAIT(c);
  AWAIT(t);
}

int main() { awaitc::run(main_coro()); }
