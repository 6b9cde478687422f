//===- task.cpp - tasks: stepping, completion, cancellation ---------------===//
//
// See awaitc/task.h and awaitc/detail/task_base.h. The step logic follows
// asyncio's Task.__step and Task.cancel, so that the same program takes the
// same path.
//
//===----------------------------------------------------------------------===//

#include <awaitc/detail/task_base.h>
#include <awaitc/task.h>

#include <atomic>
#include <cassert>
#include <cstdio>
#include <iostream>
#include <ostream>

namespace awaitc {
namespace detail {

// asyncio's _task_name_counter: one count for the whole process.
static std::atomic<std::uint64_t> tasks_created{0};

TaskBase::TaskBase(std::unique_ptr<FrameBase> root) noexcept
    : number_(tasks_created.fetch_add(1, std::memory_order_relaxed) + 1),
      root_(root.release()) {
  root_->awaitc_set_task(this);
  root_->awaitc_set_continuation(this);
}

TaskBase::~TaskBase() {
  assert(!queued() && !prev_task_ && !next_task_);
  // Waiters of a destroyed task can only be gone: they hold references.
  assert(!first_done_);
  report_unretrieved_exception();
}

TaskBase *TaskBase::current() noexcept {
  EventLoop *loop = EventLoop::current_or_null();
  return loop ? loop->current_task() : nullptr;
}

std::vector<TaskBase *> TaskBase::all_pending(EventLoop &loop) {
  std::vector<TaskBase *> tasks;
  for (TaskBase *task = loop.first_task_; task; task = task->next_task_)
    tasks.push_back(task);
  return tasks;
}

std::string TaskBase::name() const {
  return name_.empty() ? "Task-" + std::to_string(number_) : name_;
}

void TaskBase::print_stack(std::ostream &out) const {
  if (done() || !root_) {
    out << "No stack for task '" << name() << "'\n";
    return;
  }
  out << "Stack for task '" << name() << "' (most recent call last):\n";
  for (const FrameBase *frame = root_.get(); frame;
       frame = frame->awaitc_awaited()) {
    const SourceLine where = frame->awaitc_where();
    if (where.file)
      out << "  " << where.file << ':' << where.line << " in "
          << where.function << '\n';
    else
      out << "  <unknown>\n";
  }
}

void TaskBase::start(EventLoop &loop) noexcept {
  loop_ = &loop;
  loop.add_task(*this);
  detail::enqueue(loop, *this);
}

bool TaskBase::cancel() noexcept {
  exception_retrieved_ = true; // as asyncio: no report for a cancelled task
  if (done())
    return false;
  // If what the task waits on takes the cancellation, it wakes the task.
  if (waiter_ && waiter_->cancel())
    return true;
  // Otherwise the task's next step is on its way (or the task is running)
  // and delivers it.
  must_cancel_ = true;
  return true;
}

void TaskBase::check_result() {
  if (!done())
    throw InvalidStateError("awaitc: the task is not done");
  if (cancelled())
    throw CancelledError();
  if (exception_) {
    exception_retrieved_ = true;
    std::rethrow_exception(exception_);
  }
}

std::exception_ptr TaskBase::exception() {
  if (!done())
    throw InvalidStateError("awaitc: the task is not done");
  if (cancelled())
    throw CancelledError();
  exception_retrieved_ = true;
  return exception_;
}

void TaskBase::add_done_callback(DoneCallback &callback) noexcept {
  assert(!callback.registered() && !done());
  callback.task_ = this;
  callback.prev_ = last_done_;
  callback.next_ = nullptr;
  (last_done_ ? last_done_->next_ : first_done_) = &callback;
  last_done_ = &callback;
}

void TaskBase::remove_done_callback(DoneCallback &callback) noexcept {
  assert(callback.task_ == this);
  (callback.prev_ ? callback.prev_->next_ : first_done_) = callback.next_;
  (callback.next_ ? callback.next_->prev_ : last_done_) = callback.prev_;
  callback.task_ = nullptr;
  callback.prev_ = callback.next_ = nullptr;
}

void TaskBase::suspend_on(Waiter &waiter, FrameBase &frame) noexcept {
  assert(loop_ && loop_->current_task() == this &&
         "a task can only be suspended from its own step");
  assert(!resume_frame_ && "the task is already suspended");
  resume_frame_ = &frame;
  waiter_ = &waiter;
}

// One step: resume the innermost suspended frame (the root frame at first);
// the trampoline runs the chain until the task suspends again or its
// coroutine ends.
void TaskBase::run() {
  assert(!done() && loop_);
  struct Reference { // the step may finish the task and drop the loop's
    TaskBase *task;
    explicit Reference(TaskBase *t) : task(t) { task->add_ref(); }
    ~Reference() { task->release(); }
  } keep_alive(this);

  if (must_cancel_) {
    must_cancel_ = false;
    throw_cancel_ = true;
  }
  Waiter *waiter = waiter_;
  waiter_ = nullptr;
  FrameBase *frame = resume_frame_;
  resume_frame_ = nullptr;

  EventLoop &loop = *loop_;
  TaskBase *outer_task = loop.current_task_;
  loop.current_task_ = this;
  if (!started_) {
    started_ = true;
    if (throw_cancel_) {
      // As a coroutine thrown into before it starts: the body never runs.
      throw_cancel_ = false;
      finish(Status::Cancelled, nullptr);
    } else {
      root_->awaitc_resume();
    }
  } else {
    assert(frame && "a suspended task has no frame to resume");
    // The awaiter may go on waiting (Waiter::on_step) instead.
    if (!waiter || waiter->on_step(*frame))
      frame->awaitc_resume();
  }
  loop.current_task_ = outer_task;

  if (done()) {
    root_.reset(); // the locals are gone; free the frames now
    return;
  }
  assert(resume_frame_ &&
         "an awaiter suspended the task without AwaiterBase::suspend()");
  // A cancellation the resumed awaiter did not deliver, or one requested
  // while the step ran, goes to what the task waits on now (asyncio).
  if (throw_cancel_) {
    throw_cancel_ = false;
    must_cancel_ = true;
  }
  if (must_cancel_ && waiter_) {
    must_cancel_ = false; // the waiter may set it again (wake_cancelled)
    if (!waiter_->cancel())
      must_cancel_ = true;
  }
}

void TaskBase::awaitc_on_child_done() {
  Status status = Status::Finished;
  std::exception_ptr error;
  try {
    store_result(*root_);
    // Cancelled right before the coroutine returned: as asyncio, the task
    // is cancelled and the value dropped.
    if (must_cancel_ || throw_cancel_)
      status = Status::Cancelled;
  } catch (const CancelledError &) {
    status = Status::Cancelled;
  } catch (...) {
    error = std::current_exception();
  }
  must_cancel_ = throw_cancel_ = false;
  finish(status, std::move(error));
}

void TaskBase::finish(Status status, std::exception_ptr error) noexcept {
  status_ = status;
  exception_ = std::move(error);
  exception_retrieved_ = false;
  waiter_ = nullptr;
  resume_frame_ = nullptr;
  // Wake the waiters in the order they began to wait.
  while (DoneCallback *callback = first_done_) {
    remove_done_callback(*callback);
    callback->on_task_done();
  }
  loop_->remove_task(*this);
  release(); // the loop's reference; the running step holds another
}

void TaskBase::abandon() noexcept {
  unlink();
  waiter_ = nullptr;
  resume_frame_ = nullptr;
  root_.reset();
  loop_ = nullptr;
}

void TaskBase::report_unretrieved_exception() const noexcept {
  if (!exception_ || exception_retrieved_)
    return;
  try {
    std::rethrow_exception(exception_);
  } catch (const std::exception &error) {
    std::fprintf(stderr, "awaitc: Task exception was never retrieved: %s\n",
                 error.what());
  } catch (...) {
    std::fprintf(stderr, "awaitc: Task exception was never retrieved\n");
  }
}

} // namespace detail

void AnyTask::print_stack() const { print_stack(std::cerr); }

AnyTask current_task() {
  EventLoop::current(); // std::logic_error without a loop
  return AnyTask(detail::TaskBase::current());
}

std::vector<AnyTask> all_tasks() {
  std::vector<AnyTask> tasks;
  for (detail::TaskBase *task :
       detail::TaskBase::all_pending(EventLoop::current()))
    tasks.push_back(AnyTask(task));
  return tasks;
}
} // namespace awaitc
