// awaitc/wait_for.h - wait_for(): await with a time limit, as asyncio.wait_for.
//
//   try {
//     int v = AWAIT(awaitc::wait_for(fetch(), 1.5));        // a Coro: run as a task
//     int w = AWAIT(awaitc::wait_for(task, std::chrono::milliseconds(200)));
//   } catch (const awaitc::TimeoutError &) { ... }
//
// Semantics and scheduling order are CPython 3.11's asyncio.wait_for:
//   - A Coro is wrapped in a task when the AWAIT begins (ensure_future); a
//     Task is awaited as it is (an rvalue Task's value is moved out, an lvalue
//     Task's copied, as with AWAIT(task)). Nothing starts before the AWAIT.
//   - timeout > 0: the awaiter waits until the task finishes or the timeout
//     expires. The task finishing wakes the awaiter one loop iteration later
//     than AWAIT(task) would (asyncio wakes an internal future first), and so
//     does awaiting an already finished task: it still suspends.
//   - On timeout: the task is cancelled, the awaiter waits until the task has
//     finished, then throws TimeoutError; if the task caught CancelledError
//     and returned a value (or threw another exception), that value is
//     returned (that exception is thrown) instead, as in 3.11.
//   - timeout <= 0: a finished task gives its result at once, without
//     suspending; otherwise the task is cancelled at once (a task that has
//     not started never runs its body) and awaited, then TimeoutError.
//   - Cancelling the awaiting task cancels the inner task, waits for it to
//     finish, and throws CancelledError. As in 3.11, if the inner task has
//     already finished when the cancellation reaches the awaiter, its result
//     is returned and the cancellation is dropped.
//   - The result of the inner task is retrieved (an exception it ended with
//     is rethrown here and not reported at its destruction).
//
// Cost: the awaiter lives in the awaiting frame; the timer and the
// wake-ups are linked in place. The only allocation is the task made for a
// Coro.
//
// Destroying the awaiting frame while it waits unregisters the awaiter; the
// inner task goes on (asyncio's wait_for closed by GeneratorExit does the
// same).
#pragma once

#include <awaitc/coro.h>
#include <awaitc/detail/task_base.h>
#include <awaitc/errors.h>
#include <awaitc/loop.h>
#include <awaitc/task.h>

#include <cassert>
#include <chrono>
#include <optional>
#include <type_traits>
#include <utility>

namespace awaitc {
namespace detail {

// The untyped part of wait_for's awaiter: the state machine of asyncio's
// wait_for and _cancel_and_wait coroutines, driven by the inner task's done
// callback, the timer, and the awaiting task's steps.
class WaitForBase : public Waiter, private DoneCallback {
protected:
  explicit WaitForBase(double timeout) noexcept : timeout_(timeout) {}
  WaitForBase(const WaitForBase &other) noexcept
      : Waiter(other), DoneCallback(other), timeout_(other.timeout_) {}
  WaitForBase &operator=(const WaitForBase &) = delete;
  ~WaitForBase() = default;

  // What await_resume() does once the wait is over.
  enum class Outcome {
    Result,    // the inner task's result (or its exception)
    Timeout,   // the same, with CancelledError turned into TimeoutError
    Cancelled, // the awaiting task was cancelled: CancelledError
  };

  bool ready(TaskBase &inner) noexcept {
    inner_ = &inner;
    if (timeout_ <= 0 && inner.done()) {
      outcome_ = Outcome::Result;
      return true;
    }
    return false;
  }

  void begin(Frame &frame) {
    timer_.owner = this;
    release_.owner = this;
    suspend(frame);
    if (timeout_ <= 0) {
      // asyncio: `await _cancel_and_wait(fut)` at once.
      cancel_and_wait(Outcome::Timeout);
      return;
    }
    phase_ = Phase::Waiting;
    EventLoop &loop = EventLoop::current();
    detail::schedule(loop, timer_, loop.time() + timeout_);
    // fut.add_done_callback(cb): for a finished task, cb is scheduled now.
    if (inner_->done())
      detail::enqueue(loop, release_);
    else
      inner_->add_done_callback(*this);
  }

  Outcome outcome() const noexcept { return outcome_; }

private:
  enum class Phase { Idle, Waiting, Cancelling, Over };

  // The inner task finished: as asyncio's done callback, the release of the
  // internal waiter future runs from the ready queue.
  void on_task_done() noexcept override {
    detail::enqueue(EventLoop::current(), release_);
  }

  // _release_waiter(waiter): the internal future is set, the awaiting task's
  // wake-up is enqueued (once).
  void release() noexcept {
    if (released_)
      return;
    released_ = true;
    wake();
  }

  // Task::cancel() of the awaiting task: asyncio cancels the internal
  // future, so the task resumes with CancelledError; if the future is set
  // already, the cancellation is delivered by the step on its way.
  bool cancel() noexcept override {
    if (released_ || phase_ == Phase::Idle || phase_ == Phase::Over)
      return false;
    released_ = true;
    wake_cancelled();
    return true;
  }

  // The awaiting task's step: the code of wait_for after `await waiter`
  // (or of _cancel_and_wait after its `await waiter`).
  bool on_step(Frame &frame) noexcept override {
    const bool cancelling = take_cancellation();
    stop_listening();
    if (phase_ == Phase::Waiting) {
      if (inner_->done()) {
        finish(Outcome::Result);
        return true;
      }
      // Timed out, or cancelled: cancel the inner task and wait for it.
      suspend(frame);
      cancel_and_wait(cancelling ? Outcome::Cancelled : Outcome::Timeout);
      return false;
    }
    assert(phase_ == Phase::Cancelling);
    // Cancelled again while waiting for the inner task: give up on it.
    finish(cancelling ? Outcome::Cancelled : after_cancel_);
    return true;
  }

  // asyncio's _cancel_and_wait(fut): add the done callback, cancel, and
  // (the caller has suspended the task) wait.
  void cancel_and_wait(Outcome after) noexcept {
    phase_ = Phase::Cancelling;
    after_cancel_ = after;
    released_ = false;
    inner_->add_done_callback(*this);
    inner_->cancel();
  }

  // `fut.remove_done_callback(cb)`; a release on its way is dropped too.
  void stop_listening() noexcept {
    if (registered())
      inner_->remove_done_callback(*this);
    release_.cancel();
  }

  void finish(Outcome outcome) noexcept {
    outcome_ = outcome;
    phase_ = Phase::Over;
    timer_.cancel(); // `finally: timeout_handle.cancel()`
  }

  struct Timer final : TimerCallback {
    WaitForBase *owner = nullptr;
    Timer() noexcept = default;
    Timer(const Timer &) noexcept : TimerCallback() {}
    void run() override { owner->release(); }
    void cancel() noexcept { unschedule(); }
  };
  struct Release final : LoopCallback {
    WaitForBase *owner = nullptr;
    Release() noexcept = default;
    Release(const Release &) noexcept : LoopCallback() {}
    void run() override { owner->release(); }
    void cancel() noexcept { unlink(); }
  };

  double timeout_;
  TaskBase *inner_ = nullptr;
  Phase phase_ = Phase::Idle;
  Outcome outcome_ = Outcome::Result;
  Outcome after_cancel_ = Outcome::Timeout;
  bool released_ = false;
  Timer timer_;
  Release release_;
};

} // namespace detail

// What wait_for() gives AWAIT. MoveResult: the value is moved out of the
// task (a Coro wrapped here, or an rvalue Task).
template <class T, bool MoveResult>
class [[nodiscard]] WaitForAwaiter final : private detail::WaitForBase {
public:
  WaitForAwaiter(Coro<T> coro, double timeout) noexcept
      : WaitForBase(timeout), coro_(std::move(coro)) {
    assert(coro_->valid() && "wait_for of an empty or moved-from Coro");
  }
  WaitForAwaiter(Task<T> task, double timeout) noexcept
      : WaitForBase(timeout), task_(std::move(task)) {
    assert(task_.valid() && "wait_for of an empty Task");
  }
  WaitForAwaiter(WaitForAwaiter &&other) noexcept
      : WaitForBase(other), coro_(std::move(other.coro_)),
        task_(std::move(other.task_)) {}

  bool await_ready() {
    if (coro_) { // asyncio's ensure_future, when the wait begins
      task_ = create_task(std::move(*coro_));
      coro_.reset();
    }
    return ready(*detail::TaskAccess::state(task_));
  }
  bool await_suspend(Frame &frame) {
    begin(frame);
    return true;
  }
  T await_resume() {
    detail::TaskState<T> &state = *detail::TaskAccess::state(task_);
    state.mark_retrieved();
    switch (outcome()) {
    case Outcome::Cancelled:
      throw CancelledError();
    case Outcome::Timeout:
      try {
        return value(state);
      } catch (const CancelledError &) {
        throw TimeoutError();
      }
    case Outcome::Result:
      break;
    }
    return value(state);
  }

private:
  static T value(detail::TaskState<T> &state) {
    if constexpr (MoveResult && std::is_object_v<T>)
      return std::move(state.result());
    else
      return state.result();
  }

  std::optional<Coro<T>> coro_;
  Task<T> task_;
};

// asyncio.wait_for: the awaitable's result, or TimeoutError after `timeout`
// seconds (see above). A Coro is run as a task when the AWAIT begins.
template <class T>
WaitForAwaiter<T, true> wait_for(Coro<T> coro, double timeout) noexcept {
  return WaitForAwaiter<T, true>(std::move(coro), timeout);
}
template <class T>
WaitForAwaiter<T, false> wait_for(const Task<T> &task,
                                   double timeout) noexcept {
  return WaitForAwaiter<T, false>(task, timeout);
}
template <class T>
WaitForAwaiter<T, true> wait_for(Task<T> &&task, double timeout) noexcept {
  return WaitForAwaiter<T, true>(std::move(task), timeout);
}

template <class A, class Rep, class Period>
auto wait_for(A &&awaitable, std::chrono::duration<Rep, Period> timeout) noexcept
    -> decltype(wait_for(std::forward<A>(awaitable), 0.0)) {
  return wait_for(std::forward<A>(awaitable),
                  std::chrono::duration<double>(timeout).count());
}

} // namespace awaitc
