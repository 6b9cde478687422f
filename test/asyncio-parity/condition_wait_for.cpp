// Condition.wait_for(predicate) between a producer and two consumers; the
// predicate is tested under the lock after each notification.
// Python: condition_wait_for.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <vector>

static std::vector<int> items;

AWAITC_ASYNC awaitc::Coro<void> consumer(awaitc::Condition &cond,
                                         std::string name, std::size_t want) {
  AWAIT(cond.acquire());
  bool n = AWAIT(cond.wait_for([want] { return items.size() >= want; }));
  std::printf("%.2f %s sees %s items\n", awaitc::loop_time(), name.c_str(),
              n ? "True" : "False");
  int got = items.front();
  items.erase(items.begin());
  std::printf("%s took %d\n", name.c_str(), got);
  cond.release();
}

AWAITC_ASYNC awaitc::Coro<void> producer(awaitc::Condition &cond) {
  for (int i = 0; i < 4; ++i) {
    AWAIT(awaitc::sleep(0.5));
    AWAIT(cond.acquire());
    items.push_back(i);
    std::printf("%.2f put %d\n", awaitc::loop_time(), i);
    cond.notify_all();
    cond.release();
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Condition cond;
  std::vector<awaitc::Task<void>> cs;
  cs.push_back(awaitc::create_task(consumer(cond, "x", 2)));
  cs.push_back(awaitc::create_task(consumer(cond, "y", 3)));
  AWAIT(producer(cond));
  for (awaitc::Task<void> &c : cs)
    AWAIT(c);
  std::printf("left: [");
  for (std::size_t i = 0; i < items.size(); ++i)
    std::printf("%s%d", i ? ", " : "", items[i]);
  std::printf("]\n");
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
