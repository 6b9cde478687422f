// awaitc/detail/loop_callback.h - the entries of the event loop's queues.
//
// The runtime's own wake-ups (a task's next step, a sleep's timer) are
// entries linked into the loop's ready queue and timer heap in place, so
// scheduling them costs no allocation. A LoopCallback is an entry of the
// ready queue; a TimerCallback can also wait in the timer heap for its
// deadline; QueueEnd is the sentinel that closes the circular ready queue.
// User callbacks (call_soon, call_later) are TimerCallbacks too, wrapping a
// std::function (loop.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace awaitc {

class EventLoop;

namespace detail {

// An entry of the ready queue, linked in place. A callback is in at most one
// queue at a time; destroying it takes it out.
class LoopCallback {
public:
  bool queued() const noexcept { return next_ != nullptr; }

protected:
  LoopCallback() noexcept = default;
  // A copy is a new entry: it is not in the original's queue.
  LoopCallback(const LoopCallback &) noexcept {}
  LoopCallback &operator=(const LoopCallback &) noexcept { return *this; }
  ~LoopCallback() { unlink(); }

  virtual void run() = 0;
  // The loop drops the callback without running it (the loop is closing).
  virtual void discard() noexcept {}

  // Takes the callback out of its queue, if any.
  void unlink() noexcept;

private:
  friend class awaitc::EventLoop;
  friend class QueueEnd;
  LoopCallback *prev_ = nullptr;
  LoopCallback *next_ = nullptr;
};

// A callback that can also wait in the loop's timer heap for its deadline;
// when due it moves to the ready queue. Destroying it unschedules it.
class TimerCallback : public LoopCallback {
public:
  bool scheduled() const noexcept { return heap_index_ != kNotScheduled; }
  double when() const noexcept { return when_; }

protected:
  TimerCallback() noexcept = default;
  TimerCallback(const TimerCallback &other) noexcept
      : LoopCallback(other), when_(other.when_) {}
  TimerCallback &operator=(const TimerCallback &) noexcept { return *this; }
  ~TimerCallback();

public:
  // Takes the callback out of the timer heap and the ready queue.
  void unschedule() noexcept;

private:
  friend class awaitc::EventLoop;
  static constexpr std::size_t kNotScheduled = static_cast<std::size_t>(-1);
  double when_ = 0;
  std::uint64_t sequence_ = 0;
  std::size_t heap_index_ = kNotScheduled;
};

// The two ends of a circular ready queue.
class QueueEnd final : public LoopCallback {
public:
  QueueEnd() noexcept { reset(); }
  QueueEnd(const QueueEnd &) = delete;
  QueueEnd &operator=(const QueueEnd &) = delete;
  bool empty() const noexcept;

private:
  friend class awaitc::EventLoop;
  void run() override {}
  void reset() noexcept;
};

} // namespace detail
} // namespace awaitc
