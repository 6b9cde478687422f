// Condition: notify(n) wakes the first n waiters not yet woken, in order;
// each re-acquires the lock in turn before its wait() returns.
// Python: condition_notify.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <vector>

AWAITC_ASYNC awaitc::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> waiter(awaitc::Condition &cond,
                                       std::string name) {
  AWAIT(cond.acquire());
  std::printf("%s waits\n", name.c_str());
  bool r = AWAIT(cond.wait());
  std::printf("%s notified (%s), locked=%s\n", name.c_str(),
              r ? "True" : "False", cond.locked() ? "True" : "False");
  AWAIT(awaitc::sleep(0));
  cond.release();
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Condition cond;
  awaitc::Task<void> t = awaitc::create_task(ticker(14));
  std::vector<awaitc::Task<void>> ws;
  for (const char *n : {"a", "b", "c", "d", "e"})
    ws.push_back(awaitc::create_task(waiter(cond, n)));
  AWAIT(awaitc::sleep(0));
  AWAIT(cond.acquire());
  std::printf("notify(2)\n");
  cond.notify(2);
  std::printf("notify(1)\n");
  cond.notify(1);
  cond.release();
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  AWAIT(cond.acquire());
  std::printf("notify_all\n");
  cond.notify_all();
  cond.release();
  for (awaitc::Task<void> &w : ws)
    AWAIT(w);
  AWAIT(t);
}

int main() { awaitc::run(main_coro()); }
