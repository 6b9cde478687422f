// awaitc/loop.h - the event loop: callbacks, timers and loop time.
//
//   awaitc::call_soon([] { std::puts("next iteration"); });
//   awaitc::TimerHandle h = awaitc::call_later(1.5, [] { std::puts("1.5"); });
//   h.cancel();
//   double now = awaitc::loop_time();
//
// These are asyncio's loop.call_soon, loop.call_later, loop.call_at and
// loop.time(), on the current loop of the thread: awaitc::run() creates it,
// and every awaitable finds it there. One loop runs per thread at a time.
//
// Scheduling order, as asyncio's:
//   - one FIFO ready queue of callbacks;
//   - each iteration first moves the timers that are due to the back of the
//     ready queue, in (deadline, scheduling order), then runs exactly the
//     callbacks that were in the ready queue when the iteration began; what
//     they schedule runs in a later iteration;
//   - when nothing is ready the loop waits for the earliest timer: on the
//     monotonic clock, or, with RunOptions::virtual_time (run.h), by jumping
//     the clock to that deadline at once, so that loop_time() reads exact
//     values that start at 0;
//   - it waits for file descriptors and for other threads in the same wait
//     (epoll): for no time if a callback is ready, until the next timer, or
//     without limit if only I/O or a to_thread job can end the wait; what is
//     ready is enqueued like any other callback, in the iteration that saw
//     it. With virtual_time and I/O or a thread's job awaited, the clock does
//     not run ahead of them: the loop waits for them in real time for as
//     long as the next timer's virtual delay, and jumps to that timer only if
//     nothing came (so virtual times stay exact).
// An exception that escapes a callback is reported on standard error and the
// loop goes on. call_soon_threadsafe() is the one call that other threads may
// make.
#pragma once

#include <awaitc/detail/loop_callback.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace awaitc {

struct RunOptions; // run.h
class Handle;
class TimerHandle;

// The current loop's operations; each throws std::logic_error when the thread
// has no running loop.
Handle call_soon(std::function<void()> callback);
TimerHandle call_later(double delay, std::function<void()> callback);
TimerHandle call_at(double when, std::function<void()> callback);
// The one call that other threads may make: `callback` runs on the loop's
// thread (asyncio's loop.call_soon_threadsafe).
void call_soon_threadsafe(std::function<void()> callback);
// Seconds on the loop's clock.
double loop_time();

namespace detail {
class TaskBase;
class UserCallback;
class Poller;
Poller &poller_of(EventLoop &loop) noexcept;
// Allocation-free scheduling for the runtime's own callbacks, which are
// intrusive entries of the loop's queues (detail/loop_callback.h) and so no
// part of EventLoop's public members.
inline void enqueue(EventLoop &loop, LoopCallback &callback) noexcept;
inline void schedule(EventLoop &loop, TimerCallback &timer, double when);
} // namespace detail

// A callback scheduled with call_soon (asyncio.Handle). Copies refer to the
// same callback.
class Handle {
public:
  Handle() noexcept = default;
  Handle(const Handle &other) noexcept;
  Handle(Handle &&other) noexcept;
  Handle &operator=(Handle other) noexcept;
  ~Handle();

  // The callback will not run; no effect if it already ran.
  void cancel() noexcept;
  bool cancelled() const noexcept;

private:
  friend class EventLoop;
  friend class TimerHandle;
  explicit Handle(detail::UserCallback *callback) noexcept;
  detail::UserCallback *callback_ = nullptr;
};

// A callback scheduled with call_later or call_at (asyncio.TimerHandle).
class TimerHandle : public Handle {
public:
  TimerHandle() noexcept = default;
  // The deadline, in loop time.
  double when() const noexcept;

private:
  friend class EventLoop;
  using Handle::Handle;
};

class EventLoop {
public:
  // Becomes the current loop of this thread; throws std::logic_error if the
  // thread already has one.
  EventLoop();
  explicit EventLoop(const RunOptions &options);
  // Destroys the frames of tasks still pending and drops pending callbacks.
  ~EventLoop();
  EventLoop(const EventLoop &) = delete;
  EventLoop &operator=(const EventLoop &) = delete;

  // The current loop; throws std::logic_error if there is none.
  static EventLoop &current();
  static EventLoop *current_or_null() noexcept;

  // Seconds on the loop's monotonic clock (virtual: exact, from 0).
  double time() const noexcept;
  bool virtual_time() const noexcept { return virtual_time_; }
  // Tells loops apart over the process's life: a later loop may have the
  // address of an earlier one.
  std::uint64_t id() const noexcept { return id_; }

  Handle call_soon(std::function<void()> callback);
  TimerHandle call_later(double delay, std::function<void()> callback);
  TimerHandle call_at(double when, std::function<void()> callback);
  // Thread-safe: `callback` runs on the loop's thread, enqueued at the start
  // of the loop's next iteration (the loop is woken if it waits). Callbacks
  // posted after the loop has closed are never run.
  void call_soon_threadsafe(std::function<void()> callback);

  // Runs one iteration (waiting for the next timer, I/O or a thread's job
  // if nothing is ready). Returns false, without waiting, if nothing is
  // ready, scheduled or awaited.
  bool run_once();
  // Runs iterations until done() holds; returns false if the loop ran out of
  // work before that (nothing ready, no timers, nothing awaited).
  template <class Predicate> bool run_until(Predicate done) {
    while (!done())
      if (!run_once())
        return false;
    return true;
  }

  bool has_pending_tasks() const noexcept { return first_task_ != nullptr; }
  // asyncio.run's ending: cancels every pending task, then runs the loop
  // until they have finished (or nothing more can happen).
  void shutdown();

private:
  friend class detail::TaskBase;
  friend class detail::TimerCallback;
  friend detail::Poller &detail::poller_of(EventLoop &loop) noexcept;
  friend void detail::enqueue(EventLoop &loop,
                              detail::LoopCallback &callback) noexcept;
  friend void detail::schedule(EventLoop &loop, detail::TimerCallback &timer,
                               double when);

  void enqueue(detail::LoopCallback &callback) noexcept;
  void schedule(detail::TimerCallback &timer, double when);
  // The task whose step is running, or null (detail::TaskBase::current()).
  detail::TaskBase *current_task() const noexcept { return current_task_; }

  void add_task(detail::TaskBase &task) noexcept;
  void remove_task(detail::TaskBase &task) noexcept;
  void run_callback(detail::LoopCallback &callback) noexcept;
  void wait_for_next_timer();

  // Timer heap ordered by (deadline, scheduling order).
  static bool earlier(const detail::TimerCallback *a,
                      const detail::TimerCallback *b) noexcept;
  void heap_place(std::size_t index, detail::TimerCallback *timer) noexcept;
  void heap_sift_up(std::size_t index) noexcept;
  void heap_sift_down(std::size_t index) noexcept;
  void heap_remove(detail::TimerCallback &timer) noexcept;

  bool virtual_time_ = false;
  std::uint64_t id_;
  double virtual_now_ = 0;
  detail::QueueEnd ready_;
  detail::QueueEnd running_; // the callbacks of the current iteration
  std::vector<detail::TimerCallback *> timers_;
  std::uint64_t next_sequence_ = 0;
  detail::TaskBase *current_task_ = nullptr;
  detail::TaskBase *first_task_ = nullptr; // pending tasks, in creation order
  detail::TaskBase *last_task_ = nullptr;
  std::unique_ptr<detail::Poller> poller_; // file descriptors, other threads
};

namespace detail {
inline void enqueue(EventLoop &loop, LoopCallback &callback) noexcept {
  loop.enqueue(callback);
}
inline void schedule(EventLoop &loop, TimerCallback &timer, double when) {
  loop.schedule(timer, when);
}
} // namespace detail

} // namespace awaitc
