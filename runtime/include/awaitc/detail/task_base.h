// awaitc/detail/task_base.h - what a task is, and how awaitables suspend one.
//
// TaskBase is the untyped part of Task<T> (asyncio.Task): it owns the root
// frame of a coroutine, runs it one step at a time from the loop's ready
// queue, records how it ended, and wakes whoever waits for it. A step
// resumes the innermost suspended frame of the task's chain of frames
// (FrameBase::awaitc_resume(), the trampoline of detail/frame.h), which
// runs the frames it awaits and the frames awaiting it, until the chain
// waits again or the root finishes (the task is the root's continuation).
//
// The protocol for an awaitable that suspends a task (sleep, Task, Future,
// Event, Queue, wait_for...): its awaiter derives from Waiter and
//   - in await_suspend(frame): calls suspend(frame), registers itself with
//     whatever will end the wait, and returns true;
//   - when the wait ends: calls wake() (the task's next step is enqueued, so
//     the frame resumes in a later loop iteration, as in asyncio);
//   - in await_resume(): calls resume_or_throw() first, which throws
//     CancelledError if the task was cancelled while it waited;
//   - implements cancel(), which Task::cancel() calls while the task waits
//     on it: stop waiting (unregister, remove the timer...) and
//     wake_cancelled(), then return true; or return false when the wait has
//     already ended (the wake-up is on its way) and the task will then throw
//     CancelledError when it resumes. An awaiter that forwards the
//     cancellation (awaiting another task cancels that task) returns that
//     result and keeps waiting;
//   - in its destructor (the frame is destroyed while suspended): unregisters.
// An awaiter that is itself a small coroutine (wait_for: wait for the task
// or the timeout, then cancel the task and wait again) overrides
// on_step(frame): the task's step calls it, where the coroutine would
// resume, before resuming the frame; it may take the cancellation that the
// step delivers (take_cancellation()) and suspend(frame) again, returning
// false so that the frame stays suspended.
// DoneCallback is how something waits for a task to finish.
#pragma once

#include <awaitc/detail/frame.h>
#include <awaitc/errors.h>
#include <awaitc/loop.h>

#include <cassert>
#include <cstdint>
#include <exception>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace awaitc {
namespace detail {

class TaskBase;

// Base of awaiters that suspend their task; see the protocol above.
class Waiter {
public:
  // Task::cancel() was called while the task waits here.
  virtual bool cancel() noexcept = 0;

protected:
  friend class TaskBase;
  Waiter() noexcept = default;
  // Copies are made before the wait begins; they wait on their own.
  Waiter(const Waiter &) noexcept {}
  Waiter &operator=(const Waiter &) noexcept { return *this; }
  ~Waiter() = default;

  // Suspends the task running `frame` (the innermost frame of the task)
  // until wake(); resuming the task resumes `frame`.
  void suspend(Frame &frame) noexcept;
  // Enqueues the suspended task's next step.
  void wake() noexcept;
  // Like wake(), but the task resumes with CancelledError.
  void wake_cancelled() noexcept;
  // Throws CancelledError if the task was woken to be cancelled.
  void resume_or_throw();
  // The task's step that ends the wait is about to resume `frame`; return
  // false after suspend(frame) to keep waiting instead (see above).
  virtual bool on_step(Frame &frame) noexcept {
    (void)frame;
    return true;
  }
  // In on_step(): true if the step delivers a cancellation (CancelledError
  // would be thrown at the AWAIT), which the awaiter now handles itself.
  bool take_cancellation() noexcept;

  TaskBase *waiting_task() const noexcept { return task_; }

private:
  TaskBase *task_ = nullptr;
};

// Something that waits for a task to finish. Callbacks are called in the
// order they were added, when the task finishes; like asyncio's done
// callbacks they run from the ready queue, so on_task_done() must only
// schedule work (wake a task, call_soon), not run user code.
class DoneCallback {
public:
  virtual void on_task_done() noexcept = 0;
  bool registered() const noexcept { return task_ != nullptr; }

protected:
  DoneCallback() noexcept = default;
  DoneCallback(const DoneCallback &) noexcept {}
  DoneCallback &operator=(const DoneCallback &) noexcept { return *this; }
  ~DoneCallback();

private:
  friend class TaskBase;
  TaskBase *task_ = nullptr;
  DoneCallback *prev_ = nullptr;
  DoneCallback *next_ = nullptr;
};

// The untyped, reference-counted state of a task. Its LoopCallback base is
// the task's next step.
class TaskBase : private LoopCallback, private Continuation {
public:
  TaskBase(const TaskBase &) = delete;
  TaskBase &operator=(const TaskBase &) = delete;

  bool done() const noexcept { return status_ != Status::Pending; }
  bool cancelled() const noexcept { return status_ == Status::Cancelled; }

  // asyncio Task.cancel(): false if the task is done already.
  bool cancel() noexcept;
  // asyncio Task.exception(): the exception that ended the task, or null;
  // throws CancelledError if it was cancelled and InvalidStateError if it
  // is not done.
  std::exception_ptr exception();
  // Throws as result() would, without giving the value.
  void check_result();
  // Counts the exception as seen (it is not reported at destruction).
  void mark_retrieved() noexcept { exception_retrieved_ = true; }

  void add_done_callback(DoneCallback &callback) noexcept;
  void remove_done_callback(DoneCallback &callback) noexcept;

  void add_ref() noexcept { ++refs_; }
  void release() noexcept {
    if (--refs_ == 0)
      delete this;
  }

  // The task whose step is running on this thread's loop, or null.
  static TaskBase *current() noexcept;
  // The pending tasks of the current loop, in creation order.
  static std::vector<TaskBase *> all_pending(EventLoop &loop);

  // asyncio's Task.get_name() / set_name(): "Task-N" unless set, N
  // counting the tasks created in the process, from 1.
  std::string name() const;
  void set_name(std::string name) { name_ = std::move(name); }
  // Writes the chain of frames the task is suspended in, outermost first.
  void print_stack(std::ostream &out) const;

  // Registers with the loop and enqueues the first step.
  void start(EventLoop &loop) noexcept;

protected:
  explicit TaskBase(std::unique_ptr<FrameBase> root) noexcept;
  virtual ~TaskBase();

  // Stores the value of the finished root frame, or throws what ended it.
  virtual void store_result(FrameBase &root) = 0;

private:
  friend class Waiter;
  friend class awaitc::EventLoop;
  enum class Status { Pending, Finished, Cancelled };

  void run() override;           // one step
  void awaitc_on_child_done() override; // the root frame finished
  void suspend_on(Waiter &waiter, FrameBase &frame) noexcept;
  void finish(Status status, std::exception_ptr error) noexcept;
  // The loop is closing with the task still pending: destroy the frames.
  void abandon() noexcept;
  void report_unretrieved_exception() const noexcept;

  int refs_ = 0;
  std::uint64_t number_; // for the default name
  std::string name_;
  Status status_ = Status::Pending;
  bool started_ = false;
  // A cancellation to deliver at the next resumption (asyncio's
  // _must_cancel), and one being delivered by the running step.
  bool must_cancel_ = false;
  bool throw_cancel_ = false;
  bool exception_retrieved_ = false;
  std::exception_ptr exception_;
  std::unique_ptr<FrameBase, FrameDeleter> root_;
  EventLoop *loop_ = nullptr;
  FrameBase *resume_frame_ = nullptr; // innermost suspended frame
  Waiter *waiter_ = nullptr;          // what that frame waits on
  DoneCallback *first_done_ = nullptr;
  DoneCallback *last_done_ = nullptr;
  TaskBase *prev_task_ = nullptr; // the loop's list of pending tasks
  TaskBase *next_task_ = nullptr;
};

inline void Waiter::suspend(Frame &awaiting) noexcept {
  FrameBase &frame = static_cast<FrameBase &>(awaiting);
  task_ = frame.awaitc_task();
  assert(task_ && "awaiting outside of a task");
  task_->suspend_on(*this, frame);
}

inline void Waiter::wake() noexcept {
  assert(task_ && task_->loop_ && !task_->queued());
  detail::enqueue(*task_->loop_, *task_);
}

inline void Waiter::wake_cancelled() noexcept {
  task_->must_cancel_ = true;
  wake();
}

inline void Waiter::resume_or_throw() {
  if (task_ && task_->throw_cancel_) {
    task_->throw_cancel_ = false;
    throw CancelledError();
  }
}

inline bool Waiter::take_cancellation() noexcept {
  const bool cancelling = task_ && task_->throw_cancel_;
  if (cancelling)
    task_->throw_cancel_ = false;
  return cancelling;
}

inline DoneCallback::~DoneCallback() {
  if (task_)
    task_->remove_done_callback(*this);
}

} // namespace detail
} // namespace awaitc
