// awaitc/awaitable.h - what AWAIT accepts, and how to write an awaitable.
//
// AWAIT(x) works on any x for which an awaiter can be made: either x itself,
// when it has the three members below (it is moved into the awaiting frame if
// it is a temporary, referred to otherwise), or the result of make_awaiter(x)
// found by argument-dependent lookup (Coro, Task, Future... provide one):
//
//   bool await_ready();                    // true: the value is there, go on
//   bool await_suspend(awaitc::Frame &f);  // false: go on at once after all
//   T    await_resume();                   // the AWAIT's value, or throw
//
// The awaiter lives in the awaiting frame until the full-expression with the
// AWAIT ends. When await_suspend returns true, the awaiter promises to resume
// the frame later, through the loop, and never from inside await_suspend.
//
// AwaiterBase below is how an awaiter suspends the task and resumes it; the
// runtime's own awaiters (sleep, Event, Lock, Queue, Future, Task...) follow
// the same protocol. A complete example is in docs/runtime.md ("Writing an
// awaitable"):
//
//   class Tick final : public awaitc::AwaiterBase {  // resumes next iteration
//   public:
//     ~Tick() { handle_.cancel(); }
//     bool await_ready() { return false; }
//     bool await_suspend(awaitc::Frame &frame) {
//       suspend(frame);
//       handle_ = awaitc::call_soon([this] { woken_ = true; wake(); });
//       return true;
//     }
//     void await_resume() { resume_or_throw(); }
//     bool cancel() noexcept override {
//       if (woken_)
//         return false;
//       handle_.cancel();
//       wake_cancelled();
//       return true;
//     }
//   private:
//     awaitc::Handle handle_;
//     bool woken_ = false;
//   };
#pragma once

#include <awaitc/detail/awaiter_traits.h>
#include <awaitc/detail/task_base.h>

namespace awaitc {

// The type AWAIT(a) yields for an expression `a` of type A (a reference type
// for an lvalue or xvalue, as decltype((a)) gives it), for code that must
// name it: gather()'s tuple, a wrapping awaiter's await_resume(). A
// substitution failure if `a` is not awaitable, so it may constrain a
// template.
template <class A>
using await_result_t = typename detail::checked_await_result<A>::type;

// Base of an awaiter that suspends the awaiting task until something
// happens (asyncio: a Future that the task awaits). The protocol:
//   - await_suspend(frame): call suspend(frame), register with whatever will
//     end the wait, return true;
//   - when the wait ends: call wake(); the task's next step is enqueued on
//     the loop's ready queue, so the frame resumes in a later iteration;
//   - await_resume(): call resume_or_throw() first; it throws CancelledError
//     if the task was cancelled while it waited;
//   - cancel(): called by Task::cancel() while the task waits here. Stop
//     waiting (unregister, cancel the timer...), call wake_cancelled() and
//     return true; or return false if wake() was already called (the task
//     then throws CancelledError when it resumes);
//   - the destructor unregisters: a task's frame may be destroyed while it
//     waits (its task was abandoned when the loop closed).
// wake() and wake_cancelled() are called at most once per wait, and only
// from the loop's thread.
class AwaiterBase : private detail::Waiter {
public:
  bool cancel() noexcept override = 0;

protected:
  AwaiterBase() noexcept = default;
  // A copy is a new awaiter: copies are made before a wait begins.
  AwaiterBase(const AwaiterBase &) noexcept = default;
  AwaiterBase &operator=(const AwaiterBase &) noexcept = default;
  ~AwaiterBase() = default;

  // Suspends the task that runs `frame` until wake() or wake_cancelled().
  using detail::Waiter::suspend;
  // Enqueues the suspended task's next step.
  using detail::Waiter::wake;
  // The same, but the task resumes with CancelledError at its AWAIT.
  using detail::Waiter::wake_cancelled;
  // Throws CancelledError if the task was woken by wake_cancelled().
  using detail::Waiter::resume_or_throw;
};

} // namespace awaitc
