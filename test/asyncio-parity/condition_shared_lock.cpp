// A Condition built on a Lock that tasks also take directly: lock waiters and
// condition waiters queue for the same lock, in order.
// Python: condition_shared_lock.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <vector>

AWAITC_ASYNC awaitc::Coro<void> direct(awaitc::Lock &lock, std::string name) {
  AWAIT(lock.acquire());
  std::printf("%s has the lock directly\n", name.c_str());
  AWAIT(awaitc::sleep(0));
  lock.release();
}

AWAITC_ASYNC awaitc::Coro<void> via_condition(awaitc::Condition &cond,
                                              std::string name) {
  AWAIT(cond.acquire());
  AWAIT(cond.wait());
  std::printf("%s notified, holds the lock: %s\n", name.c_str(),
              cond.locked() ? "True" : "False");
  AWAIT(awaitc::sleep(0));
  cond.release();
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Lock lock;
  awaitc::Condition cond(lock);
  std::vector<awaitc::Task<void>> all;
  for (const char *n : {"c1", "c2"})
    all.push_back(awaitc::create_task(via_condition(cond, n)));
  AWAIT(awaitc::sleep(0));
  AWAIT(lock.acquire());
  for (const char *n : {"d1", "d2"})
    all.push_back(awaitc::create_task(direct(lock, n)));
  AWAIT(awaitc::sleep(0));
  cond.notify_all();
  std::printf("main releases\n");
  lock.release();
  for (auto &t : all)
    AWAIT(t);
  std::printf("locked at the end: %s\n", lock.locked() ? "True" : "False");
}

int main() { awaitc::run(main_coro()); }
