// awaitc/lock.h - Lock: mutual exclusion between tasks, as asyncio.Lock.
//
//   awaitc::Lock lock;
//   AWAIT(lock.acquire());
//   try { ... } catch (...) { lock.release(); throw; }
//   lock.release();
//
// As asyncio's (CPython 3.11), hop for hop:
//   - acquire() takes a free lock at once, without suspending, unless tasks
//     are queued for it that are not cancelled (fairness: a task woken by
//     release() has the lock reserved until it resumes);
//   - release() wakes the first queued task, which takes the lock when it
//     resumes one loop iteration later;
//   - a task cancelled while queued throws CancelledError from its AWAIT and
//     does not take the lock; if it had been woken already, it passes the
//     lock on to the next queued task.
// release() of a lock that is not locked throws std::logic_error (asyncio's
// RuntimeError). The lock has no owner: any task may release it.
//
// Neither copyable nor movable. Destroying it while tasks wait leaves them
// waiting until they are cancelled.
#pragma once

#include <awaitc/detail/wait_list.h>

#include <stdexcept>

namespace awaitc {

class Condition;

class Lock {
public:
  class AcquireAwaiter;

  Lock() noexcept = default;
  Lock(const Lock &) = delete;
  Lock &operator=(const Lock &) = delete;

  bool locked() const noexcept { return locked_; }
  // AWAIT(lock.acquire()) returns true once the lock is this task's.
  inline AcquireAwaiter acquire() noexcept;
  // Unlocks and wakes the first queued task; std::logic_error if unlocked.
  void release() {
    if (!locked_)
      throw std::logic_error("awaitc::Lock::release: the lock is not acquired");
    locked_ = false;
    wake_up_first();
  }

private:
  friend class Condition;

  // The fast path of acquire(): free, and nobody queued but cancelled tasks.
  bool try_take() noexcept {
    if (locked_)
      return false;
    for (detail::ParkedWaiter *w = waiters_.front(); w; w = w->next_parked())
      if (!w->cancelled())
        return false;
    locked_ = true;
    return true;
  }
  void wake_up_first() noexcept {
    detail::ParkedWaiter *first = waiters_.front();
    if (first && !first->done())
      first->set_result();
  }
  // After `await fut` (the waiter has left the queue): take the lock, or,
  // when cancelled, pass it on. Returns whether the lock was taken.
  bool finish_wait(bool cancelled) noexcept {
    if (cancelled) {
      if (!locked_)
        wake_up_first();
      return false;
    }
    locked_ = true;
    return true;
  }

  bool locked_ = false;
  detail::WaitList waiters_;
};

class Lock::AcquireAwaiter final : private detail::ParkedWaiter {
public:
  explicit AcquireAwaiter(Lock &lock) noexcept : lock_(&lock) {}

  bool await_ready() noexcept { return lock_->try_take(); }
  bool await_suspend(Frame &frame) noexcept {
    park(frame, lock_->waiters_);
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
      if (!was_orphaned)
        lock_->finish_wait(true);
      throw;
    }
    if (was_orphaned)
      throw std::logic_error("awaitc::Lock destroyed while a task waited");
    lock_->finish_wait(false);
    return true;
  }

private:
  Lock *lock_;
};

inline Lock::AcquireAwaiter Lock::acquire() noexcept {
  return AcquireAwaiter(*this);
}

} // namespace awaitc
