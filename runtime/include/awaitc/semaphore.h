// awaitc/semaphore.h - Semaphore and BoundedSemaphore, as asyncio's.
//
//   awaitc::Semaphore slots(3);
//   AWAIT(slots.acquire());
//   ...
//   slots.release();
//
// A counter that acquire() decrements, waiting while it is zero, and
// release() increments. As asyncio's (CPython 3.11), hop for hop:
//   - acquire() goes on at once when the counter is positive and no
//     uncancelled task is queued (FIFO fairness: locked() is true while one
//     is);
//   - release() hands the unit to the first queued task that is not woken
//     yet (the counter is decremented for it at once); it resumes one loop
//     iteration later, and then wakes the next queued task if units are
//     left;
//   - a task cancelled while queued throws CancelledError from its AWAIT; if
//     it had been woken already, it gives its unit back and wakes the next.
// Semaphore(n) with n < 0 throws std::invalid_argument (asyncio's
// ValueError). BoundedSemaphore(n)::release() past n throws
// std::invalid_argument ("released too many times").
//
// Neither copyable nor movable. Destroying one while tasks wait leaves them
// waiting until they are cancelled.
#pragma once

#include <awaitc/detail/wait_list.h>

#include <stdexcept>

namespace awaitc {

class Semaphore {
public:
  class AcquireAwaiter;

  explicit Semaphore(long value = 1) : value_(value) {
    if (value < 0)
      throw std::invalid_argument(
          "awaitc::Semaphore: the initial value must be >= 0");
  }
  Semaphore(const Semaphore &) = delete;
  Semaphore &operator=(const Semaphore &) = delete;

  // True if acquire() would wait.
  bool locked() const noexcept {
    if (value_ == 0)
      return true;
    for (detail::ParkedWaiter *w = waiters_.front(); w; w = w->next_parked())
      if (!w->cancelled())
        return true;
    return false;
  }
  // The counter (asyncio's _value).
  long value() const noexcept { return value_; }
  // AWAIT(sem.acquire()) returns true once a unit is this task's.
  inline AcquireAwaiter acquire() noexcept;
  // Increments the counter and wakes the first waiting task; for a
  // BoundedSemaphore, std::invalid_argument if that would pass its bound.
  void release() {
    if (bound_ >= 0 && value_ >= bound_)
      throw std::invalid_argument(
          "awaitc::BoundedSemaphore released too many times");
    ++value_;
    wake_up_next();
  }

protected:
  Semaphore(long value, long bound) : Semaphore(value) { bound_ = bound; }

private:
  friend class AcquireAwaiter;
  void wake_up_next() noexcept {
    for (detail::ParkedWaiter *w = waiters_.front(); w; w = w->next_parked())
      if (!w->done()) {
        --value_;
        w->set_result();
        return;
      }
  }

  long value_;
  long bound_ = -1; // BoundedSemaphore's initial value
  detail::WaitList waiters_;
};

class Semaphore::AcquireAwaiter final : private detail::ParkedWaiter {
public:
  explicit AcquireAwaiter(Semaphore &semaphore) noexcept : sem_(&semaphore) {}

  bool await_ready() noexcept {
    if (sem_->locked())
      return false;
    --sem_->value_;
    return true;
  }
  bool await_suspend(Frame &frame) noexcept {
    park(frame, sem_->waiters_);
    return true;
  }
  bool await_resume() {
    if (!parked() && state() == State::Idle)
      return true; // taken at once
    const bool was_orphaned = orphaned();
    unpark();
    try {
      resume_or_throw();
    } catch (const CancelledError &) {
      if (!was_orphaned && !cancelled()) { // woken: give the unit back
        ++sem_->value_;
        sem_->wake_up_next();
      }
      throw;
    }
    if (was_orphaned)
      throw std::logic_error("awaitc::Semaphore destroyed while a task waited");
    if (sem_->value_ > 0)
      sem_->wake_up_next();
    return true;
  }

private:
  Semaphore *sem_;
};

inline Semaphore::AcquireAwaiter Semaphore::acquire() noexcept {
  return AcquireAwaiter(*this);
}

// A Semaphore whose release() throws std::invalid_argument when the counter
// would exceed its initial value (also through a Semaphore&).
class BoundedSemaphore : public Semaphore {
public:
  explicit BoundedSemaphore(long value = 1) : Semaphore(value, value) {}
};

} // namespace awaitc
