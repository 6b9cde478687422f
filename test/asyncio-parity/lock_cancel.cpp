// A cancelled Lock waiter never swallows the lock: cancelled while queued, or
// after release() woke it but before it resumed (it passes the lock on).
// Python: lock_cancel.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

static const char *py(bool b) { return b ? "True" : "False"; }

AWAITC_ASYNC awaitc::Coro<void> taker(awaitc::Lock &lock, std::string name) {
  try {
    AWAIT(lock.acquire());
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled, locked=%s\n", name.c_str(), py(lock.locked()));
    throw;
  }
  std::printf("%s acquired\n", name.c_str());
  AWAIT(awaitc::sleep(0));
  lock.release();
  std::printf("%s released\n", name.c_str());
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Lock lock;
  AWAIT(lock.acquire());
  awaitc::Task<void> a = awaitc::create_task(taker(lock, "a"));
  awaitc::Task<void> b = awaitc::create_task(taker(lock, "b"));
  awaitc::Task<void> c = awaitc::create_task(taker(lock, "c"));
  awaitc::Task<void> d = awaitc::create_task(taker(lock, "d"));
  AWAIT(awaitc::sleep(0));
  b.cancel();     // queued, not woken
  lock.release(); // wakes a
  a.cancel();     // woken but not resumed: passes the lock to c
  std::printf("after release: locked=%s\n", py(lock.locked()));
  // a newcomer while cancelled and woken waiters are queued must queue too
  awaitc::Task<void> e = awaitc::create_task(taker(lock, "e"));
  AWAIT(awaitc::wait(std::vector<awaitc::Task<void>>{a, b, c, d, e}));
  std::printf("a=%s b=%s c=%s d=%s e=%s\n", py(a.cancelled()),
              py(b.cancelled()), py(c.cancelled()), py(d.cancelled()),
              py(e.cancelled()));
  std::printf("locked=%s\n", py(lock.locked()));
  try {
    lock.release();
  } catch (const std::logic_error &) {
    std::printf("release of an unlocked lock: error\n");
  }
}

int main() { awaitc::run(main_coro()); }
