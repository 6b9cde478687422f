// awaitc/task_group.h - TaskGroup: tasks that finish together, as
// asyncio.TaskGroup.
//
//   awaitc::TaskGroup tg;
//   awaitc::Task<int> a = tg.create_task(fetch(1));
//   tg.create_task(log_progress());
//   AWAIT(tg.wait());          // asyncio: leaving `async with TaskGroup()`
//   int v = a.result();
//
// tg.create_task(coro) creates a task (as create_task) that the group
// watches; AWAIT(tg.wait()) waits until every task of the group has
// finished, including tasks created while it waits. What it returns is a
// GroupTask<T>: a Task<T> (it converts, and awaits, gathers and waits as
// one) that may be discarded, as asyncio's `tg.create_task(coro)` so often
// is, since the group itself awaits it; awaitc::create_task's Task<T> is
// [[nodiscard]], a task nobody holds being a forgotten one. As asyncio's
// (CPython 3.11), hop for hop:
//   - each child's completion runs the group's done callback one loop
//     iteration after the child finished; when the last one has run, the
//     waiting task resumes one iteration later (at once if nothing is left);
//   - the first child to end with an exception (not CancelledError) makes
//     the group cancel every other child that is not done; wait() goes on
//     waiting until they have all finished, then throws that first
//     exception (asyncio raises an ExceptionGroup of all of them: awaitc
//     rethrows the first; the others are retrieved and dropped);
//   - cancelling the task in wait() cancels the children, waits for them,
//     then throws CancelledError (or the first child exception, if any).
// Where awaitc differs: asyncio also cancels the parent task when a child
// fails while the parent is still in the `async with` body, before
// __aexit__; awaitc has no such body boundary, so a parent that has not yet
// reached wait() is not interrupted: it meets the exception at wait().
//
// create_task() after wait() has returned, or while the group is
// cancelling its children, throws std::logic_error (asyncio's
// RuntimeError), as does constructing a group outside a task. Destroying a
// group whose children are still running (wait() was never reached, e.g.
// the parent threw) cancels them; they finish on their own.
// Neither copyable nor movable.
#pragma once

#include <awaitc/coro.h>
#include <awaitc/detail/task_base.h>
#include <awaitc/errors.h>
#include <awaitc/loop.h>
#include <awaitc/task.h>

#include <exception>
#include <stdexcept>
#include <utility>

namespace awaitc {

template <class T> class GroupTask : public Task<T> {
public:
  explicit GroupTask(Task<T> task) noexcept : Task<T>(std::move(task)) {}
};

class TaskGroup {
public:
  class WaitAwaiter;

  // The current task is the group's parent; std::logic_error outside one.
  TaskGroup() : parent_(detail::TaskBase::current()) {
    if (!parent_)
      throw std::logic_error(
          "awaitc::TaskGroup: cannot determine the parent task");
    parent_->add_ref();
  }
  TaskGroup(const TaskGroup &) = delete;
  TaskGroup &operator=(const TaskGroup &) = delete;
  inline ~TaskGroup();

  template <class T> GroupTask<T> create_task(Coro<T> coro) {
    if (exiting_ && !first_)
      throw std::logic_error("awaitc::TaskGroup: the group is finished");
    if (aborting_)
      throw std::logic_error("awaitc::TaskGroup: the group is shutting down");
    Task<T> task = awaitc::create_task(std::move(coro));
    detail::TaskBase &state = *detail::TaskAccess::state(task);
    Child *child = new Child(*this, state);
    link(*child);
    state.add_done_callback(*child);
    return GroupTask<T>(std::move(task));
  }

  // AWAIT(tg.wait()): see above.
  inline WaitAwaiter wait() noexcept;

private:
  // A child task and the group's done callback on it.
  struct Child final : detail::DoneCallback, detail::LoopCallback {
    Child(TaskGroup &g, detail::TaskBase &t) noexcept : group(&g), task(&t) {
      task->add_ref();
    }
    ~Child() { task->release(); }
    void on_task_done() noexcept override {
      detail::enqueue(EventLoop::current(), *this);
    }
    void run() override { group->on_task_done(*this); }

    TaskGroup *group;
    detail::TaskBase *task;
    Child *prev = nullptr;
    Child *next = nullptr;
  };

  void link(Child &child) noexcept {
    child.prev = last_;
    (last_ ? last_->next : first_) = &child;
    last_ = &child;
  }
  void unlink(Child &child) noexcept {
    (child.prev ? child.prev->next : first_) = child.next;
    (child.next ? child.next->prev : last_) = child.prev;
  }

  void abort() noexcept {
    aborting_ = true;
    for (Child *child = first_; child; child = child->next)
      if (!child->task->done())
        child->task->cancel();
  }

  // _on_task_done.
  inline void on_task_done(Child &child) noexcept;

  detail::TaskBase *parent_;
  Child *first_ = nullptr;
  Child *last_ = nullptr;
  bool exiting_ = false;
  bool aborting_ = false;
  bool propagate_cancellation_ = false;
  std::exception_ptr first_error_;
  WaitAwaiter *waiter_ = nullptr;
};

// __aexit__: `while self._tasks: await self._on_completed_fut`.
class TaskGroup::WaitAwaiter final : private detail::Waiter {
public:
  explicit WaitAwaiter(TaskGroup &group) noexcept : group_(&group) {}
  WaitAwaiter(const WaitAwaiter &other) noexcept
      : Waiter(other), group_(other.group_) {}
  ~WaitAwaiter() {
    if (group_ && group_->waiter_ == this)
      group_->waiter_ = nullptr;
  }

  bool await_ready() noexcept {
    group_->exiting_ = true;
    return group_->first_ == nullptr;
  }
  bool await_suspend(Frame &frame) noexcept {
    wait_again(frame);
    return true;
  }
  void await_resume() {
    if (!group_) {
      resume_or_throw();
      throw std::logic_error("awaitc::TaskGroup destroyed while waited on");
    }
    if (group_->waiter_ == this)
      group_->waiter_ = nullptr;
    if (group_->first_error_)
      std::rethrow_exception(group_->first_error_);
    if (group_->propagate_cancellation_)
      throw CancelledError();
  }

private:
  friend class TaskGroup;

  void wait_again(Frame &frame) noexcept {
    released_ = false;
    suspend(frame);
    group_->waiter_ = this;
  }
  // _on_completed_fut.set_result(True).
  void release() noexcept {
    if (released_)
      return;
    released_ = true;
    wake();
  }
  // The parent is cancelled in wait(): _on_completed_fut.cancel().
  bool cancel() noexcept override {
    if (released_)
      return false;
    released_ = true;
    wake_cancelled();
    return true;
  }
  // `except CancelledError: if not aborting: propagate; abort()`, then the
  // `while self._tasks` loop.
  bool on_step(Frame &frame) noexcept override {
    if (!group_)
      return true;
    group_->waiter_ = nullptr;
    if (take_cancellation() && !group_->aborting_) {
      group_->propagate_cancellation_ = true;
      group_->abort();
    }
    if (group_->first_) {
      wait_again(frame);
      return false;
    }
    return true;
  }

  TaskGroup *group_;
  bool released_ = false;
};

inline TaskGroup::~TaskGroup() {
  if (waiter_) // its frame outlives the group: only its task's end is left
    waiter_->group_ = nullptr;
  while (Child *child = first_) {
    unlink(*child);
    child->task->cancel();
    delete child;
  }
  parent_->release();
}

inline TaskGroup::WaitAwaiter TaskGroup::wait() noexcept {
  return WaitAwaiter(*this);
}

inline void TaskGroup::on_task_done(Child &child) noexcept {
  detail::TaskBase *task = child.task;
  task->add_ref();
  unlink(child);
  delete &child;
  if (waiter_ && !first_)
    waiter_->release();
  if (!task->cancelled()) {
    if (std::exception_ptr error = task->exception()) {
      if (!first_error_)
        first_error_ = error;
      if (!aborting_)
        abort();
    }
  }
  task->release();
}

} // namespace awaitc
