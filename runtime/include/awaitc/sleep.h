// awaitc/sleep.h - sleep(): suspend the current task for a while.
//
// Like asyncio.sleep:
//   AWAIT(awaitc::sleep(0.25));
//   AWAIT(awaitc::sleep(std::chrono::milliseconds(250)));
//   AWAIT(awaitc::sleep(0));   // just yield: let the other ready tasks run
//
// A delay <= 0 enqueues the task's wake-up at the back of the ready queue.
// A positive delay sets a timer; when it is due, the timer enqueues the
// wake-up, so the task resumes one loop iteration after the timer ran, as
// with asyncio's future-based sleep. Cancelling the sleeping task removes
// the timer and throws CancelledError from the AWAIT.
#pragma once

#include <awaitc/awaitable.h>
#include <awaitc/loop.h>

#include <chrono>

namespace awaitc {

class [[nodiscard]] SleepAwaiter final : public AwaiterBase,
                                         private detail::TimerCallback {
public:
  explicit SleepAwaiter(double seconds) noexcept : delay_(seconds) {}

  bool await_ready() const noexcept { return false; }
  bool await_suspend(Frame &frame) {
    suspend(frame);
    if (delay_ > 0) {
      EventLoop &loop = EventLoop::current();
      detail::schedule(loop, *this, loop.time() + delay_);
    } else {
      wake();
    }
    return true;
  }
  void await_resume() { resume_or_throw(); }

  bool cancel() noexcept override {
    if (!scheduled() && !queued())
      return false; // the wake-up is already on its way
    unschedule();
    wake_cancelled();
    return true;
  }

private:
  // The timer is due: end the wait.
  void run() override { wake(); }

  double delay_;
};

inline SleepAwaiter sleep(double seconds) noexcept {
  return SleepAwaiter(seconds);
}

template <class Rep, class Period>
SleepAwaiter sleep(std::chrono::duration<Rep, Period> delay) noexcept {
  return SleepAwaiter(std::chrono::duration<double>(delay).count());
}

} // namespace awaitc
