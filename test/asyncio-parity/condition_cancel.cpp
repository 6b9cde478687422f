// Condition: a task cancelled in wait() re-acquires the lock before
// CancelledError reaches it (whether it was waiting for the notification or
// for the lock); misuse without the lock is an error.
// Python: condition_cancel.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

AWAITC_ASYNC awaitc::Coro<void> waiter(awaitc::Condition &cond,
                                       std::string name) {
  AWAIT(cond.acquire());
  try {
    AWAIT(cond.wait());
    std::printf("%s notified, locked=%s\n", name.c_str(),
                cond.locked() ? "True" : "False");
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled, locked=%s\n", name.c_str(),
                cond.locked() ? "True" : "False");
  }
  cond.release();
  std::printf("%s released\n", name.c_str());
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Condition cond;
  awaitc::Task<void> a = awaitc::create_task(waiter(cond, "a"));
  awaitc::Task<void> b = awaitc::create_task(waiter(cond, "b"));
  awaitc::Task<void> c = awaitc::create_task(waiter(cond, "c"));
  AWAIT(awaitc::sleep(0));
  AWAIT(cond.acquire());
  a.cancel();     // waiting for the notification; lock held by main
  cond.notify(1); // wakes b
  std::printf("main holds the lock\n");
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  b.cancel(); // b now waits for the lock
  std::printf("main releases\n");
  cond.release();
  AWAIT(awaitc::sleep(0));
  AWAIT(cond.acquire());
  cond.notify();
  cond.release();
  AWAIT(a);
  AWAIT(b);
  AWAIT(c);
  try {
    AWAIT(cond.wait());
  } catch (const std::logic_error &) {
    std::printf("wait without the lock: error\n");
  }
  try {
    cond.notify();
  } catch (const std::logic_error &) {
    std::printf("notify without the lock: error\n");
  }
  try {
    AWAIT(cond.wait_for([] { return false; }));
  } catch (const std::logic_error &) {
    std::printf("wait_for without the lock: error\n");
  }
  int seven = AWAIT(cond.wait_for([] { return 7; }));
  std::printf("wait_for true at once: %d\n", seven);
}

int main() { awaitc::run(main_coro()); }
