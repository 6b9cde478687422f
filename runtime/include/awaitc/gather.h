// awaitc/gather.h - gather(): run awaitables concurrently and collect their
// results, as asyncio.gather.
//
//   auto [a, b] = AWAIT(awaitc::gather(fetch(1), fetch(2)));   // std::tuple
//   std::vector<int> all = AWAIT(awaitc::gather(tasks));        // a vector
//
// gather(x, y, ...) takes Coro<T>s (each is made a task at once, when
// gather() is called, as asyncio's ensure_future) and Task<T>s, and its
// AWAIT gives std::tuple of their results, in argument order. gather(v)
// takes a std::vector<Task<T>> (an lvalue is copied: the tasks stay the
// caller's) or a std::vector<Coro<T>>, and gives std::vector of results.
// A child of type void contributes std::monostate (asyncio's None), so a
// tuple or vector slot exists for every child. Results of tasks gather
// created, or of Tasks passed as rvalues, are moved out; those of lvalue
// Tasks are copied. gather() with no children is done at once.
//
// As asyncio's (return_exceptions=False), hop for hop:
//   - each child's completion runs gather's done callback one loop
//     iteration after the child finished; the last one completes the outer
//     future, and the awaiting task resumes one iteration after that;
//   - the first child to fail (exception, or cancelled: CancelledError)
//     makes the AWAIT throw that exception at once; the other children keep
//     running, and their exceptions are then retrieved (not reported);
//   - cancelling the awaiting task cancels every child that is not done and
//     keeps waiting; the children's cancellation then ends the AWAIT with
//     CancelledError (also if they caught it and returned normally);
//   - a task given twice is awaited once and its result appears twice.
// The awaitable is move-only; AWAIT it once (it may be stored and awaited
// later). Destroying it unhooks it from the children, which go on.
#pragma once

#include <awaitc/awaitable.h>
#include <awaitc/coro.h>
#include <awaitc/detail/outer_future.h>
#include <awaitc/detail/task_base.h>
#include <awaitc/errors.h>
#include <awaitc/task.h>

#include <array>
#include <cstddef>
#include <exception>
#include <memory>
#include <tuple>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

namespace awaitc {

// What a child of type T contributes to gather's result.
template <class T>
using gather_slot_t = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

template <class... Ts> class GatherAwaitable;
template <class T> class GatherVectorAwaitable;

namespace detail {

// _GatheringFuture and gather's _done_callback.
class GatherCore {
public:
  GatherCore() = default;
  GatherCore(const GatherCore &) = delete;
  GatherCore &operator=(const GatherCore &) = delete;

  // `fut.add_done_callback(_done_callback)` for each distinct child, in
  // argument order.
  void attach(const std::vector<TaskBase *> &children) {
    std::unordered_set<TaskBase *> seen;
    std::size_t distinct = 0;
    for (TaskBase *child : children)
      if (seen.insert(child).second)
        ++distinct;
    hooks_.reset(new TaskHook<GatherCore>[distinct]);
    seen.clear();
    for (TaskBase *child : children)
      if (seen.insert(child).second)
        hooks_[count_++].attach(*this, *child);
    if (count_ == 0)
      outer_.set_result();
  }

  OuterFuture &outer() noexcept { return outer_; }

  // _GatheringFuture.cancel(): cancels the children not done.
  bool cancel() noexcept {
    if (outer_.done())
      return false;
    bool cancelled_any = false;
    for (std::size_t i = 0; i < count_; ++i)
      if (hooks_[i].task()->cancel())
        cancelled_any = true;
    if (cancelled_any)
      cancel_requested_ = true;
    return cancelled_any;
  }

  void on_child_done(TaskBase &child) {
    ++finished_;
    if (outer_.done()) {
      if (!child.cancelled())
        child.mark_retrieved();
      return;
    }
    if (child.cancelled()) {
      outer_.set_exception(std::make_exception_ptr(CancelledError()));
      return;
    }
    if (std::exception_ptr error = child.exception()) {
      outer_.set_exception(error);
      return;
    }
    if (finished_ == count_) {
      if (cancel_requested_)
        outer_.set_exception(std::make_exception_ptr(CancelledError()));
      else
        outer_.set_result();
    }
  }

private:
  OuterFuture outer_;
  std::unique_ptr<TaskHook<GatherCore>[]> hooks_;
  std::size_t count_ = 0;
  std::size_t finished_ = 0;
  bool cancel_requested_ = false;
};

// A child given to gather: its task, and whether its value may be moved.
template <class T> struct GatherChild {
  Task<T> task;
  bool move;
};
template <class T> GatherChild<T> gather_child(Coro<T> &&coro) {
  return {create_task(std::move(coro)), true};
}
template <class T> GatherChild<T> gather_child(Task<T> &&task) {
  return {std::move(task), true};
}
template <class T> GatherChild<T> gather_child(const Task<T> &task) {
  return {task, false};
}
template <class T> GatherChild<T> gather_child(Task<T> &task) {
  return {task, false};
}

template <class T> gather_slot_t<T> gather_value(GatherChild<T> &child) {
  TaskState<T> &state = *TaskAccess::state(child.task);
  if constexpr (std::is_void_v<T>) {
    state.result();
    return std::monostate{};
  } else if constexpr (std::is_object_v<T>) {
    if (child.move)
      return std::move(state.result());
    return state.result();
  } else {
    return state.result();
  }
}

// The awaiting side, shared by both forms.
class GatherAwaiterBase : public OuterWaiter {
protected:
  GatherAwaiterBase() : core_(std::make_unique<GatherCore>()) {}
  GatherAwaiterBase(GatherAwaiterBase &&other) noexcept
      : OuterWaiter(other), core_(std::move(other.core_)) {}
  ~GatherAwaiterBase() {
    if (core_)
      core_->outer().set_waiter(nullptr);
  }

public:
  bool await_ready() const noexcept { return core_->outer().done(); }
  bool await_suspend(Frame &frame) noexcept {
    suspend(frame);
    core_->outer().set_waiter(this);
    return true;
  }

protected:
  // Throws what ended the outer future (or the awaiting task's
  // cancellation).
  void check() {
    core_->outer().set_waiter(nullptr);
    resume_or_throw();
    if (core_->outer().status() == OuterFuture::Status::Exception)
      std::rethrow_exception(core_->outer().exception());
  }

  std::unique_ptr<GatherCore> core_;

private:
  bool cancel() noexcept override { return core_->cancel(); }
};

// How gather() makes its awaitables, whose constructors take the children
// and are private.
struct GatherAccess {
  template <class... Ts>
  static GatherAwaitable<Ts...> make(std::tuple<GatherChild<Ts>...> children) {
    return GatherAwaitable<Ts...>(std::move(children));
  }
  template <class T>
  static GatherVectorAwaitable<T> make(std::vector<GatherChild<T>> children) {
    return GatherVectorAwaitable<T>(std::move(children));
  }
};

} // namespace detail

// The awaitable of AWAIT(gather(x, y, ...)).
template <class... Ts>
class GatherAwaitable final : private detail::GatherAwaiterBase {
public:
  GatherAwaitable(GatherAwaitable &&) noexcept = default;

  using GatherAwaiterBase::await_ready;
  using GatherAwaiterBase::await_suspend;
  std::tuple<gather_slot_t<Ts>...> await_resume() {
    check();
    return std::apply(
        [](auto &...child) {
          return std::tuple<gather_slot_t<Ts>...>(detail::gather_value(child)...);
        },
        children_);
  }

private:
  friend struct detail::GatherAccess;
  explicit GatherAwaitable(std::tuple<detail::GatherChild<Ts>...> children)
      : children_(std::move(children)) {
    std::vector<detail::TaskBase *> tasks;
    std::apply(
        [&](auto &...child) {
          (tasks.push_back(detail::TaskAccess::state(child.task)), ...);
        },
        children_);
    core_->attach(tasks);
  }

  std::tuple<detail::GatherChild<Ts>...> children_;
};

// The awaitable of AWAIT(gather(vector)).
template <class T>
class GatherVectorAwaitable final : private detail::GatherAwaiterBase {
public:
  GatherVectorAwaitable(GatherVectorAwaitable &&) noexcept = default;

  using GatherAwaiterBase::await_ready;
  using GatherAwaiterBase::await_suspend;
  std::vector<gather_slot_t<T>> await_resume() {
    check();
    std::vector<gather_slot_t<T>> results;
    results.reserve(children_.size());
    for (auto &child : children_)
      results.push_back(detail::gather_value(child));
    return results;
  }

private:
  friend struct detail::GatherAccess;
  explicit GatherVectorAwaitable(std::vector<detail::GatherChild<T>> children)
      : children_(std::move(children)) {
    std::vector<detail::TaskBase *> tasks;
    tasks.reserve(children_.size());
    for (auto &child : children_)
      tasks.push_back(detail::TaskAccess::state(child.task));
    core_->attach(tasks);
  }

  std::vector<detail::GatherChild<T>> children_;
};

// asyncio.gather(*aws): Coro<T>s and Task<T>s.
template <class... As>
GatherAwaitable<await_result_t<As>...> gather(As &&...awaitables) {
  // Braces: the children become tasks in argument order.
  return detail::GatherAccess::make(
      std::tuple<detail::GatherChild<await_result_t<As>>...>{
          detail::gather_child(std::forward<As>(awaitables))...});
}

// asyncio.gather(*tasks) for a vector of tasks (copied) ...
template <class T>
GatherVectorAwaitable<T> gather(const std::vector<Task<T>> &tasks) {
  std::vector<detail::GatherChild<T>> children;
  children.reserve(tasks.size());
  for (const Task<T> &task : tasks)
    children.push_back(detail::gather_child(task));
  return detail::GatherAccess::make(std::move(children));
}
template <class T>
GatherVectorAwaitable<T> gather(std::vector<Task<T>> &tasks) {
  return gather(static_cast<const std::vector<Task<T>> &>(tasks));
}
// ... or moved ...
template <class T> GatherVectorAwaitable<T> gather(std::vector<Task<T>> &&tasks) {
  std::vector<detail::GatherChild<T>> children;
  children.reserve(tasks.size());
  for (Task<T> &task : tasks)
    children.push_back(detail::gather_child(std::move(task)));
  return detail::GatherAccess::make(std::move(children));
}
// ... or of coroutines, each made a task now.
template <class T> GatherVectorAwaitable<T> gather(std::vector<Coro<T>> &&coros) {
  std::vector<detail::GatherChild<T>> children;
  children.reserve(coros.size());
  for (Coro<T> &coro : coros)
    children.push_back(detail::gather_child(std::move(coro)));
  return detail::GatherAccess::make(std::move(children));
}

} // namespace awaitc
