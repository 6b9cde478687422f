// awaitc/event.h - Event: a flag that tasks can wait for, as asyncio.Event.
//
//   awaitc::Event ready;
//   ...  AWAIT(ready.wait());        // in the waiting tasks
//   ...  ready.set();                // wakes them all
//
// set() wakes the waiting tasks in the order they began to wait; each
// resumes one loop iteration later (asyncio: the waiter future's callback).
// wait() on a set event returns at once, without suspending. clear() makes
// later wait()s wait again; a task woken by set() still returns from its
// wait() even if clear() comes before it resumes, as in asyncio.
// Cancelling a waiting task throws CancelledError from its AWAIT and leaves
// the event as it was.
//
// An Event is neither copyable nor movable (waiting tasks refer to it).
// Destroying it while tasks wait leaves them waiting until they are
// cancelled.
#pragma once

#include <awaitc/detail/wait_list.h>

namespace awaitc {

class Event {
public:
  class WaitAwaiter;

  Event() noexcept = default;
  Event(const Event &) = delete;
  Event &operator=(const Event &) = delete;

  bool is_set() const noexcept { return value_; }
  // Sets the flag and wakes every waiting task.
  void set() noexcept {
    if (value_)
      return;
    value_ = true;
    for (detail::ParkedWaiter *w = waiters_.front(); w; w = w->next_parked())
      if (!w->done())
        w->set_result();
  }
  void clear() noexcept { value_ = false; }
  // AWAIT(ev.wait()) returns true once the flag is set.
  inline WaitAwaiter wait() noexcept;

private:
  bool value_ = false;
  detail::WaitList waiters_;
};

class Event::WaitAwaiter final : private detail::ParkedWaiter {
public:
  explicit WaitAwaiter(Event &event) noexcept : event_(&event) {}

  bool await_ready() const noexcept { return event_->value_; }
  bool await_suspend(Frame &frame) noexcept {
    park(frame, event_->waiters_);
    return true;
  }
  bool await_resume() {
    unpark(); // `finally: self._waiters.remove(fut)`
    resume_or_throw();
    return true;
  }

private:
  Event *event_;
};

inline Event::WaitAwaiter Event::wait() noexcept { return WaitAwaiter(*this); }

} // namespace awaitc
