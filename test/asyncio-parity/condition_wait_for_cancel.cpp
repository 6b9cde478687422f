// Condition.wait_for(predicate) cancelled: while waiting for a notification,
// and after notify() woke it but before it got the lock back; either way the
// waiter holds the lock again when CancelledError reaches it, and the other
// waiters and the lock are undisturbed. wait_for under awaitc::wait_for with
// a timeout (virtual clock). Python: condition_wait_for_cancel.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

static int n = 0;

AWAITC_ASYNC awaitc::Coro<void> waiter(awaitc::Condition &cond,
                                       std::string name, int target) {
  AWAIT(cond.acquire());
  try {
    int r = AWAIT(cond.wait_for([target] { return n >= target ? n : 0; }));
    std::printf("%.2f %s sees n=%d\n", awaitc::loop_time(), name.c_str(), r);
  } catch (const awaitc::CancelledError &) {
    std::printf("%.2f %s cancelled, holds the lock: %s\n", awaitc::loop_time(),
                name.c_str(), py(cond.locked()));
    cond.release();
    throw;
  }
  cond.release();
}

AWAITC_ASYNC awaitc::Coro<void> bump(awaitc::Condition &cond, int by) {
  AWAIT(cond.acquire());
  n += by;
  std::printf("%.2f n=%d, notify_all\n", awaitc::loop_time(), n);
  cond.notify_all();
  cond.release();
}

AWAITC_ASYNC awaitc::Coro<bool> wait_n(awaitc::Condition &cond, int target) {
  return AWAIT(cond.wait_for([target] { return n >= target; }));
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Condition cond;
  awaitc::Task<void> a = awaitc::create_task(waiter(cond, "a", 2));
  awaitc::Task<void> b = awaitc::create_task(waiter(cond, "b", 1));
  awaitc::Task<void> c = awaitc::create_task(waiter(cond, "c", 3));
  AWAIT(awaitc::sleep(0));
  a.cancel(); // waiting for a notification
  AWAIT(awaitc::sleep(0));
  AWAIT(bump(cond, 1));  // wakes b and c
  AWAIT(cond.acquire()); // the notifier takes the lock before them
  c.cancel();            // woken, waiting for the lock
  std::printf("%.2f main holds the lock\n", awaitc::loop_time());
  cond.release();
  for (int i = 0; i < 4; ++i)
    AWAIT(awaitc::sleep(0));
  std::printf("done: [%s, %s, %s], locked %s\n", py(a.done()), py(b.done()),
              py(c.done()), py(cond.locked()));

  awaitc::Task<void> d = awaitc::create_task(waiter(cond, "d", 5));
  try {
    AWAIT(cond.acquire());
    try {
      AWAIT(awaitc::wait_for(wait_n(cond, 5), 1.5));
    } catch (...) {
      std::printf("%.2f main after wait_for, holds the lock: %s\n",
                  awaitc::loop_time(), py(cond.locked()));
      cond.release();
      throw;
    }
    std::printf("%.2f main after wait_for, holds the lock: %s\n",
                awaitc::loop_time(), py(cond.locked()));
    cond.release();
  } catch (const awaitc::TimeoutError &) {
    std::printf("%.2f main timed out\n", awaitc::loop_time());
  }
  awaitc::call_later(1.0, [&cond] { (void)awaitc::create_task(bump(cond, 4)); });
  AWAIT(d);
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
