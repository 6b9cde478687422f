// awaitc/shield.h - shield(): await a task without letting the awaiter's
// cancellation reach it, as asyncio.shield.
//
//   awaitc::Task<int> t = awaitc::create_task(save());
//   int v = AWAIT(awaitc::shield(t));   // cancelling us does not cancel t
//
// shield(x) takes a Coro<T> (made a task at once, when shield() is called)
// or a Task<T>. As asyncio's, hop for hop:
//   - a task that is done when shield() is called is awaited as it is (its
//     result at once);
//   - otherwise the inner task's completion completes shield's outer future
//     one loop iteration after the inner task finished, and the awaiting
//     task resumes one iteration after that;
//   - cancelling the awaiting task cancels only the outer future: the AWAIT
//     throws CancelledError one iteration later, and the inner task runs on
//     (keep a Task handle to it to get its result later);
//   - the inner task being cancelled by other means cancels the outer
//     future: the AWAIT throws CancelledError.
// The value of a task shield made, or of a Task passed as an rvalue, is
// moved out; that of an lvalue Task is copied.
#pragma once

#include <awaitc/coro.h>
#include <awaitc/detail/outer_future.h>
#include <awaitc/detail/task_base.h>
#include <awaitc/errors.h>
#include <awaitc/loop.h>
#include <awaitc/task.h>

#include <exception>
#include <memory>
#include <type_traits>
#include <utility>

namespace awaitc {
namespace detail {

// shield's outer future and its two callbacks.
class ShieldCore final : private LoopCallback {
public:
  explicit ShieldCore(TaskBase &inner) noexcept : inner_(&inner) {
    if (inner.done())
      inner_is_outer_ = true; // `if inner.done(): return inner`
    else
      hook_.attach(*this, inner);
  }
  ShieldCore(const ShieldCore &) = delete;
  ShieldCore &operator=(const ShieldCore &) = delete;

  bool inner_is_outer() const noexcept { return inner_is_outer_; }
  OuterFuture &outer() noexcept { return outer_; }

  // outer.cancel(): as a future's cancel; its done callback (which unhooks
  // the inner task) runs from the ready queue.
  bool cancel_outer() noexcept {
    if (outer_.done())
      return false;
    outer_.set_cancelled();
    detail::enqueue(EventLoop::current(), *this);
    return true;
  }

  // _inner_done_callback.
  void on_child_done(TaskBase &inner) noexcept {
    if (outer_.status() == OuterFuture::Status::Cancelled) {
      if (!inner.cancelled())
        inner.mark_retrieved();
      return;
    }
    if (inner.cancelled()) {
      outer_.set_cancelled();
      return;
    }
    if (std::exception_ptr error = inner.exception())
      outer_.set_exception(error);
    else
      outer_.set_result();
  }

private:
  // _outer_done_callback.
  void run() override {
    if (!inner_->done())
      hook_.detach();
  }

  TaskBase *inner_;
  bool inner_is_outer_ = false;
  OuterFuture outer_;
  TaskHook<ShieldCore> hook_;
};

} // namespace detail

// AWAIT(shield(x)).
template <class T> class ShieldAwaitable final : private detail::OuterWaiter {
public:
  ShieldAwaitable(Task<T> inner, bool move_result)
      : inner_(std::move(inner)), move_(move_result),
        core_(std::make_unique<detail::ShieldCore>(
            *detail::TaskAccess::state(inner_))) {}
  ShieldAwaitable(ShieldAwaitable &&other) noexcept
      : OuterWaiter(other), inner_(std::move(other.inner_)),
        move_(other.move_), core_(std::move(other.core_)) {}
  ~ShieldAwaitable() {
    if (core_)
      core_->outer().set_waiter(nullptr);
  }

  bool await_ready() const noexcept {
    return core_->inner_is_outer() || core_->outer().done();
  }
  bool await_suspend(Frame &frame) noexcept {
    suspend(frame);
    core_->outer().set_waiter(this);
    return true;
  }
  T await_resume() {
    core_->outer().set_waiter(nullptr);
    resume_or_throw();
    detail::TaskState<T> &state = *detail::TaskAccess::state(inner_);
    if (!core_->inner_is_outer()) {
      switch (core_->outer().status()) {
      case detail::OuterFuture::Status::Cancelled:
        throw CancelledError();
      case detail::OuterFuture::Status::Exception:
        std::rethrow_exception(core_->outer().exception());
      default:
        break;
      }
    }
    state.mark_retrieved();
    if constexpr (std::is_object_v<T>) {
      if (move_)
        return std::move(state.result());
      return state.result();
    } else {
      return state.result();
    }
  }

private:
  // The awaiting task is cancelled: the outer future is, not the task.
  bool cancel() noexcept override {
    if (core_->inner_is_outer())
      return false;
    return core_->cancel_outer();
  }

  Task<T> inner_;
  bool move_;
  std::unique_ptr<detail::ShieldCore> core_;
};

template <class T> ShieldAwaitable<T> shield(Coro<T> coro) {
  return ShieldAwaitable<T>(create_task(std::move(coro)), true);
}
template <class T> ShieldAwaitable<T> shield(const Task<T> &task) {
  return ShieldAwaitable<T>(task, false);
}
template <class T> ShieldAwaitable<T> shield(Task<T> &task) {
  return ShieldAwaitable<T>(task, false);
}
template <class T> ShieldAwaitable<T> shield(Task<T> &&task) {
  return ShieldAwaitable<T>(std::move(task), true);
}

} // namespace awaitc
