// awaitc/wait.h - wait(): wait for some or all of a set of tasks, as
// asyncio.wait.
//
//   auto [done, pending] = AWAIT(awaitc::wait(tasks));    // all of them
//   auto r = AWAIT(awaitc::wait(tasks, awaitc::ReturnWhen::FirstCompleted, 2.5));
//   for (awaitc::Task<int> &t : r.done) ...
//
// wait(tasks, return_when = AllCompleted, timeout = none) takes a
// std::vector<Task<T>> (a task given twice counts once) and gives
// WaitResult<T>{done, pending}: the tasks, in the order given, split by
// whether they are done. It returns when return_when says
// (FirstCompleted: any task finished; FirstException: a task ended with an
// exception, or all finished; AllCompleted: all finished) or when the
// timeout expires; it never throws TimeoutError and never cancels the
// tasks. An empty vector throws std::invalid_argument (asyncio's
// ValueError).
//
// As asyncio's, hop for hop: the AWAIT always suspends; each task's
// completion runs wait's done callback one loop iteration after the task
// finished (at the next iteration for a task already done), and the
// awaiting task resumes one iteration after the callback (or the timer)
// that ended the wait. FirstException retrieves the exception of each task
// it sees finish (it is not reported). Cancelling the awaiting task throws
// CancelledError one iteration later and leaves the tasks running.
#pragma once

#include <awaitc/detail/outer_future.h>
#include <awaitc/detail/task_base.h>
#include <awaitc/loop.h>
#include <awaitc/task.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <unordered_set>
#include <utility>
#include <vector>

namespace awaitc {

enum class ReturnWhen { FirstCompleted, FirstException, AllCompleted };

template <class T> struct WaitResult {
  std::vector<Task<T>> done;
  std::vector<Task<T>> pending;
};

namespace detail {

// asyncio's _wait(): the waiter future, the timeout handle and the
// _on_completion callbacks.
class WaitTasksBase : public Waiter {
public:
  bool await_ready() const noexcept { return false; }

protected:
  WaitTasksBase(ReturnWhen when, std::optional<double> timeout) noexcept
      : when_(when), timeout_(timeout) {}
  WaitTasksBase(const WaitTasksBase &other) noexcept
      : Waiter(other), when_(other.when_), timeout_(other.timeout_) {}
  ~WaitTasksBase() = default;

  void begin(Frame &frame, const std::vector<TaskBase *> &tasks) {
    suspend(frame);
    released_ = false;
    counter_ = tasks.size();
    if (timeout_) {
      timer_.owner = this;
      EventLoop &loop = EventLoop::current();
      detail::schedule(loop, timer_, loop.time() + *timeout_);
    }
    hooks_.reset(new TaskHook<WaitTasksBase>[tasks.size()]);
    hook_count_ = tasks.size();
    for (std::size_t i = 0; i < tasks.size(); ++i)
      hooks_[i].attach(*this, *tasks[i]);
  }

  // `finally:` cancel the timer and remove the callbacks.
  void end() noexcept {
    timer_.unschedule();
    hooks_.reset();
    hook_count_ = 0;
  }

private:
  template <class> friend class TaskHook;

  // _on_completion(f).
  void on_child_done(TaskBase &task) noexcept {
    --counter_;
    if (counter_ == 0 || when_ == ReturnWhen::FirstCompleted ||
        (when_ == ReturnWhen::FirstException && !task.cancelled() &&
         task.exception() != nullptr)) {
      timer_.unschedule();
      release();
    }
  }
  // _release_waiter / waiter.set_result(None).
  void release() noexcept {
    if (released_)
      return;
    released_ = true;
    wake();
  }
  // The awaiting task is cancelled: waiter.cancel().
  bool cancel() noexcept override {
    if (released_)
      return false;
    released_ = true;
    wake_cancelled();
    return true;
  }

  struct Timer final : TimerCallback {
    WaitTasksBase *owner = nullptr;
    Timer() noexcept = default;
    Timer(const Timer &) noexcept : TimerCallback() {}
    void run() override { owner->release(); }
  };

  ReturnWhen when_;
  std::optional<double> timeout_;
  bool released_ = false;
  std::size_t counter_ = 0;
  Timer timer_;
  std::unique_ptr<TaskHook<WaitTasksBase>[]> hooks_;
  std::size_t hook_count_ = 0;
};

} // namespace detail

// AWAIT(wait(tasks, ...)).
template <class T> class WaitTasks final : private detail::WaitTasksBase {
public:
  using WaitTasksBase::await_ready;

  WaitTasks(std::vector<Task<T>> tasks, ReturnWhen when,
            std::optional<double> timeout) noexcept
      : WaitTasksBase(when, timeout), tasks_(std::move(tasks)) {}
  WaitTasks(WaitTasks &&other) noexcept
      : WaitTasksBase(other), tasks_(std::move(other.tasks_)) {}

  bool await_suspend(Frame &frame) {
    std::vector<detail::TaskBase *> states;
    states.reserve(tasks_.size());
    for (Task<T> &task : tasks_)
      states.push_back(detail::TaskAccess::state(task));
    begin(frame, states);
    return true;
  }
  WaitResult<T> await_resume() {
    end();
    resume_or_throw();
    WaitResult<T> result;
    for (Task<T> &task : tasks_)
      (task.done() ? result.done : result.pending).push_back(std::move(task));
    return result;
  }

private:
  std::vector<Task<T>> tasks_;
};

// asyncio.wait(tasks, timeout=timeout, return_when=when); no timeout when
// `timeout` is empty.
template <class T>
WaitTasks<T> wait(std::vector<Task<T>> tasks,
                  ReturnWhen when = ReturnWhen::AllCompleted,
                  std::optional<double> timeout = std::nullopt) {
  if (tasks.empty())
    throw std::invalid_argument("awaitc::wait: the set of tasks is empty");
  std::vector<Task<T>> distinct;
  std::unordered_set<detail::TaskBase *> seen;
  for (Task<T> &task : tasks)
    if (seen.insert(detail::TaskAccess::state(task)).second)
      distinct.push_back(std::move(task));
  return WaitTasks<T>(std::move(distinct), when, timeout);
}

template <class T, class Rep, class Period>
WaitTasks<T> wait(std::vector<Task<T>> tasks, ReturnWhen when,
                  std::chrono::duration<Rep, Period> timeout) {
  return wait(std::move(tasks), when,
              std::optional<double>(
                  std::chrono::duration<double>(timeout).count()));
}

} // namespace awaitc
