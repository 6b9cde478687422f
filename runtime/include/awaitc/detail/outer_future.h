// awaitc/detail/outer_future.h - the outer future of gather() and shield().
//
// asyncio's gather() and shield() return a future that their children's
// done callbacks complete; the awaiting task resumes one loop iteration
// after it is completed. OuterFuture is that future, with at most one
// awaiting task (the awaitable that owns it is awaited once); TaskHook is a
// done callback on a child task that, like asyncio's, runs from the ready
// queue one iteration after the child finished.
#pragma once

#include <awaitc/detail/task_base.h>
#include <awaitc/errors.h>
#include <awaitc/loop.h>

#include <exception>
#include <utility>

namespace awaitc {
namespace detail {

class OuterFuture;

// The awaiting side of an OuterFuture.
class OuterWaiter : public Waiter {
protected:
  OuterWaiter() noexcept = default;
  OuterWaiter(const OuterWaiter &other) noexcept : Waiter(other) {}
  ~OuterWaiter() = default;

private:
  friend class OuterFuture;
  void outer_done() noexcept { wake(); }
};

class OuterFuture {
public:
  enum class Status { Pending, Result, Exception, Cancelled };

  bool done() const noexcept { return status_ != Status::Pending; }
  Status status() const noexcept { return status_; }
  const std::exception_ptr &exception() const noexcept { return exception_; }

  void set_result() noexcept { complete(Status::Result); }
  void set_exception(std::exception_ptr error) noexcept {
    exception_ = std::move(error);
    complete(Status::Exception);
  }
  void set_cancelled() noexcept { complete(Status::Cancelled); }

  // The task awaiting the future, woken when it completes.
  void set_waiter(OuterWaiter *waiter) noexcept { waiter_ = waiter; }

private:
  void complete(Status status) noexcept {
    status_ = status;
    if (OuterWaiter *waiter = std::exchange(waiter_, nullptr))
      waiter->outer_done();
  }

  Status status_ = Status::Pending;
  std::exception_ptr exception_;
  OuterWaiter *waiter_ = nullptr;
};

// `task.add_done_callback(cb)`: Owner::on_child_done(task) runs from the
// ready queue after the task finished (at the next iteration if it is done
// already). Destroying the hook removes the callback.
template <class Owner>
class TaskHook final : private DoneCallback, private LoopCallback {
public:
  TaskHook() noexcept = default;
  TaskHook(const TaskHook &) = delete;
  TaskHook &operator=(const TaskHook &) = delete;

  void attach(Owner &owner, TaskBase &task) noexcept {
    owner_ = &owner;
    task_ = &task;
    if (task.done())
      detail::enqueue(EventLoop::current(), *this);
    else
      task.add_done_callback(*this);
  }
  // fut.remove_done_callback(cb), and a call on its way is dropped.
  void detach() noexcept {
    if (registered())
      task_->remove_done_callback(*this);
    unlink();
  }
  TaskBase *task() const noexcept { return task_; }

private:
  void on_task_done() noexcept override {
    detail::enqueue(EventLoop::current(), *this);
  }
  void run() override { owner_->on_child_done(*task_); }

  Owner *owner_ = nullptr;
  TaskBase *task_ = nullptr;
};

} // namespace detail
} // namespace awaitc
