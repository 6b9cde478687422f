// awaitc/task.h - Task<T>: a coroutine scheduled to run on its own.
//
// Like asyncio.Task. create_task(coro) enqueues the task's first step and
// returns at once; nothing of the coroutine runs before the loop gets to it.
// The task then runs step by step, each step resuming its innermost
// suspended frame, until the coroutine returns or throws.
//
//   awaitc::Task<int> t = awaitc::create_task(compute(21));
//   ...
//   int v = AWAIT(t);   // or t.result() once t.done()
//
// Task<T> is a copyable handle to shared state; the loop keeps a pending task
// alive even when no handle is left. Awaiting a finished task returns at
// once; awaiting an unfinished one suspends until it finishes, and the
// wake-ups of its awaiters are enqueued in the order they began to await.
// Awaiting an lvalue task gives a copy of its value (a reference for
// Task<T&>); awaiting an rvalue (AWAIT(std::move(t)), AWAIT(create_task(c)))
// moves the value out.
//
// cancel() asks the task to stop, as in asyncio: CancelledError is thrown at
// the point where the task waits (a task cancelled before its first step
// never runs its body). The coroutine may catch it. A task whose coroutine
// ends with CancelledError is cancelled(); its result() and awaiting it throw
// CancelledError. A task awaiting another task forwards the cancellation to
// it and keeps waiting for it to finish.
//
// An exception that ends a task is rethrown by result() and by AWAIT; if
// nothing ever retrieves it, it is reported on stderr when the task is
// destroyed.
//
// Introspection, as asyncio's: current_task(), all_tasks() (the pending
// tasks of the loop), get_name() / set_name() ("Task-1", "Task-2"... by
// default, in creation order over the process), and print_stack(), which
// writes the chain of frames the task is suspended in, outermost first:
//
//   Stack for task 'Task-2' (most recent call last):
//     server.cpp:41 in handle
//     server.cpp:17 in read_request
//
// AnyTask is a Task of any result type, for these.
#pragma once

#include <awaitc/coro.h>
#include <awaitc/detail/task_base.h>
#include <awaitc/errors.h>
#include <awaitc/loop.h>

#include <cassert>
#include <exception>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <type_traits>
#include <utility>

namespace awaitc {

template <class T> class Task;

namespace detail {

// Where a finished task keeps its value.
template <class T> class TaskValue {
public:
  void set(T &&value) { value_.emplace(std::move(value)); }
  T &get() noexcept { return *value_; }

private:
  std::optional<T> value_;
};

template <class T> class TaskValue<T &> {
public:
  void set(T &value) noexcept { value_ = &value; }
  T &get() noexcept { return *value_; }

private:
  T *value_ = nullptr;
};

template <> class TaskValue<void> {};

template <class T> class TaskState final : public TaskBase {
public:
  explicit TaskState(std::unique_ptr<CoroFrame<T>> root) noexcept
      : TaskBase(std::move(root)) {}

  // asyncio Task.result(): the value, or throws what ended the task.
  std::add_lvalue_reference_t<T> result() {
    check_result();
    if constexpr (!std::is_void_v<T>)
      return value_.get();
  }

private:
  void store_result(FrameBase &root) override {
    auto &frame = static_cast<CoroFrame<T> &>(root);
    if constexpr (std::is_void_v<T>)
      frame.awaitc_take_result();
    else
      value_.set(frame.awaitc_take_result());
  }

  TaskValue<T> value_;
};

// How the runtime reaches a task's state, which Task keeps private.
struct TaskAccess {
  template <class T> static TaskState<T> *state(const Task<T> &task) noexcept {
    return task.state_;
  }
};

} // namespace detail

template <class T> class [[nodiscard]] Task {
public:
  using value_type = T;

  Task() noexcept = default;
  Task(const Task &other) noexcept : state_(other.state_) {
    if (state_)
      state_->add_ref();
  }
  Task(Task &&other) noexcept : state_(std::exchange(other.state_, nullptr)) {}
  Task &operator=(Task other) noexcept {
    std::swap(state_, other.state_);
    return *this;
  }
  ~Task() {
    if (state_)
      state_->release();
  }

  bool valid() const noexcept { return state_ != nullptr; }
  bool done() const noexcept { return state_->done(); }
  bool cancelled() const noexcept { return state_->cancelled(); }
  // Requests cancellation; false if the task is done already.
  bool cancel() noexcept { return state_->cancel(); }
  // The value (void for Task<void>); rethrows the exception that ended the
  // task; CancelledError if it was cancelled; InvalidStateError if not done.
  std::add_lvalue_reference_t<T> result() const { return state_->result(); }
  // The exception that ended the task, or null; throws like result() when
  // the task was cancelled or is not done.
  std::exception_ptr exception() const { return state_->exception(); }

  // asyncio's Task.get_name() and set_name().
  std::string get_name() const { return state_->name(); }
  void set_name(std::string name) { state_->set_name(std::move(name)); }
  // Writes the task's suspended frames, outermost first, as
  // "  file:line in function" lines (to standard error by default).
  inline void print_stack() const;
  void print_stack(std::ostream &out) const { state_->print_stack(out); }

  friend bool operator==(const Task &a, const Task &b) noexcept {
    return a.state_ == b.state_;
  }
  friend bool operator!=(const Task &a, const Task &b) noexcept {
    return a.state_ != b.state_;
  }

private:
  template <class U> friend Task<U> create_task(Coro<U> coro);
  friend struct detail::TaskAccess;
  explicit Task(detail::TaskState<T> *state) noexcept : state_(state) {
    state_->add_ref();
  }

  detail::TaskState<T> *state_ = nullptr;
};

// A task of any result type: what current_task() and all_tasks() give. A
// Task<T> converts to it; it shares the task's state.
class AnyTask {
public:
  AnyTask() noexcept = default;
  template <class T>
  AnyTask(const Task<T> &task) noexcept
      : AnyTask(detail::TaskAccess::state(task)) {}
  AnyTask(const AnyTask &other) noexcept : AnyTask(other.task_) {}
  AnyTask &operator=(AnyTask other) noexcept {
    std::swap(task_, other.task_);
    return *this;
  }
  ~AnyTask() {
    if (task_)
      task_->release();
  }

  bool valid() const noexcept { return task_ != nullptr; }
  explicit operator bool() const noexcept { return valid(); }
  bool done() const noexcept { return task_->done(); }
  bool cancelled() const noexcept { return task_->cancelled(); }
  bool cancel() noexcept { return task_->cancel(); }
  std::string get_name() const { return task_->name(); }
  void set_name(std::string name) { task_->set_name(std::move(name)); }
  void print_stack() const;
  void print_stack(std::ostream &out) const { task_->print_stack(out); }

  friend bool operator==(const AnyTask &a, const AnyTask &b) noexcept {
    return a.task_ == b.task_;
  }
  friend bool operator!=(const AnyTask &a, const AnyTask &b) noexcept {
    return a.task_ != b.task_;
  }

private:
  friend AnyTask current_task();
  friend std::vector<AnyTask> all_tasks();
  explicit AnyTask(detail::TaskBase *task) noexcept : task_(task) {
    if (task_)
      task_->add_ref();
  }

  detail::TaskBase *task_ = nullptr;
};

template <class T> void Task<T>::print_stack() const {
  AnyTask(*this).print_stack();
}

// The task whose step is running (asyncio.current_task()); an empty AnyTask
// outside any task. Throws std::logic_error if no loop is running.
AnyTask current_task();
// The current loop's pending tasks, in creation order (asyncio.all_tasks()).
// Throws std::logic_error if no loop is running.
std::vector<AnyTask> all_tasks();

// Schedules `coro` to run as a task on the current loop.
template <class T> Task<T> create_task(Coro<T> coro) {
  assert(coro.valid() && "create_task of an empty or moved-from Coro");
  EventLoop &loop = EventLoop::current();
  Task<T> task(new detail::TaskState<T>(coro.release()));
  task.state_->start(loop);
  return task;
}

// The awaiter of AWAIT(task). MoveResult: the task was an rvalue, its value
// is moved out.
template <class T, bool MoveResult>
class TaskAwaiter final : private detail::Waiter, private detail::DoneCallback {
public:
  explicit TaskAwaiter(Task<T> task) noexcept : task_(std::move(task)) {
    assert(task_.valid() && "awaiting an empty Task");
  }

  bool await_ready() const noexcept { return task_.done(); }
  bool await_suspend(Frame &frame) noexcept {
    suspend(frame);
    detail::TaskAccess::state(task_)->add_done_callback(*this);
    return true;
  }
  T await_resume() {
    detail::TaskState<T> &state = *detail::TaskAccess::state(task_);
    // As asyncio's Task.__wakeup, which takes the result before a pending
    // cancellation replaces it.
    state.mark_retrieved();
    resume_or_throw();
    if constexpr (MoveResult && std::is_object_v<T>)
      return std::move(state.result());
    else
      return state.result();
  }

private:
  void on_task_done() noexcept override { wake(); }
  // As asyncio: cancel the awaited task, and keep waiting for it to finish.
  bool cancel() noexcept override { return task_.cancel(); }

  Task<T> task_;
};

template <class T>
TaskAwaiter<T, false> make_awaiter(const Task<T> &task) noexcept {
  return TaskAwaiter<T, false>(task);
}
template <class T> TaskAwaiter<T, false> make_awaiter(Task<T> &task) noexcept {
  return TaskAwaiter<T, false>(task);
}
template <class T> TaskAwaiter<T, true> make_awaiter(Task<T> &&task) noexcept {
  return TaskAwaiter<T, true>(std::move(task));
}

} // namespace awaitc
