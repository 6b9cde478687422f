// awaitc/condition.h - Condition: wait for a notification under a Lock, as
// asyncio.Condition.
//
//   awaitc::Condition cond;            // or Condition(lock), sharing a Lock
//   AWAIT(cond.acquire());
//   AWAIT(cond.wait_for([&] { return !items.empty(); }));
//   ... use items ...
//   cond.release();
//
//   AWAIT(cond.acquire()); items.push_back(x); cond.notify(); cond.release();
//
// As asyncio's (CPython 3.11), hop for hop: wait() releases the lock, waits
// for notify(n) / notify_all() (which wake the first n waiting tasks that are
// not woken yet, in the order they began to wait), then re-acquires the lock
// as Lock::acquire() does, and returns true with the lock held. wait_for(pred)
// evaluates pred() first and then after each wake-up, with the lock held,
// and returns its first true value (converted to bool when testing, returned
// as it is).
//
// Cancellation: a task cancelled in wait() (while waiting for the
// notification or for the lock) still re-acquires the lock before
// CancelledError is thrown from its AWAIT, so the caller's cleanup runs with
// the lock held, as in asyncio.
//
// Misuse throws std::logic_error (asyncio's RuntimeError): wait(),
// wait_for() or notify() without holding the lock, release() when unlocked.
// Neither copyable nor movable.
#pragma once

#include <awaitc/detail/wait_list.h>
#include <awaitc/lock.h>

#include <cstddef>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace awaitc {

class Condition;

class Condition {
public:
  // The awaiter of wait() (Result = bool) and of wait_for(pred) (Result =
  // pred's type); it holds the predicate as a std::function, so that its
  // type can be named wherever the AWAIT is.
  template <class Result> class WaitAwaiter;

  Condition() noexcept : lock_(&own_lock_) {}
  // Uses `lock` (which must outlive the condition) as the underlying lock.
  explicit Condition(Lock &lock) noexcept : lock_(&lock) {}
  Condition(const Condition &) = delete;
  Condition &operator=(const Condition &) = delete;

  bool locked() const noexcept { return lock_->locked(); }
  Lock::AcquireAwaiter acquire() noexcept { return lock_->acquire(); }
  void release() { lock_->release(); }

  // AWAIT(cond.wait()): true once notified and the lock is held again.
  inline WaitAwaiter<bool> wait();
  // AWAIT(cond.wait_for(pred)): pred's first true value.
  template <class Predicate>
  WaitAwaiter<std::decay_t<std::invoke_result_t<Predicate &>>>
  wait_for(Predicate &&predicate);

  // Wakes up to n waiting tasks; std::logic_error without the lock.
  void notify(std::size_t n = 1) {
    if (!locked())
      throw std::logic_error(
          "awaitc::Condition::notify: cannot notify on un-acquired lock");
    std::size_t woken = 0;
    for (detail::ParkedWaiter *w = waiters_.front(); w && woken < n;
         w = w->next_parked())
      if (!w->done()) {
        ++woken;
        w->set_result();
      }
  }
  void notify_all() { notify(waiters_.size()); }

private:
  template <class Result> friend class WaitAwaiter;
  Lock own_lock_;
  Lock *lock_;
  detail::WaitList waiters_;
};

// The coroutine Condition.wait() (and wait_for's loop around it): wait for
// the notification, then for the lock, as two waits in one awaiter.
template <class Result>
class Condition::WaitAwaiter final : private detail::ParkedWaiter {
public:
  // An empty predicate: plain wait().
  WaitAwaiter(Condition &cond, std::function<Result()> predicate)
      : cond_(&cond), lock_(cond.lock_), predicate_(std::move(predicate)) {}
  WaitAwaiter(WaitAwaiter &&other) noexcept
      : ParkedWaiter(other), cond_(other.cond_), lock_(other.lock_),
        predicate_(std::move(other.predicate_)) {}

  bool await_ready() {
    if (predicate_) {
      result_.emplace(predicate_());
      if (*result_)
        return true;
    }
    if (!cond_->locked())
      throw std::logic_error(
          "awaitc::Condition::wait: cannot wait on un-acquired lock");
    return false;
  }
  bool await_suspend(Frame &frame) noexcept {
    start_wait(frame);
    return true;
  }
  Result await_resume() {
    if (error_)
      std::rethrow_exception(error_);
    if (cancelled_)
      throw CancelledError();
    if (!predicate_)
      return Result(true);
    return std::move(*result_);
  }

private:
  enum class Phase { Notify, Acquire };

  void start_wait(Frame &frame) noexcept {
    lock_->release(); // held: checked before
    phase_ = Phase::Notify;
    park(frame, cond_->waiters_);
  }

  bool on_step(Frame &frame) noexcept override {
    const bool cancelling = take_cancellation();
    if (orphaned()) {
      unpark();
      cancelled_ = cancelling;
      if (!cancelling)
        error_ = std::make_exception_ptr(std::logic_error(
            "awaitc::Condition or its Lock destroyed while a task waited"));
      return true;
    }
    unpark();
    Lock &lock = *lock_; // the condition itself may be gone by now
    if (phase_ == Phase::Notify) {
      cancelled_ = cancelled_ || cancelling;
    } else if (cancelling) {
      cancelled_ = true;
      lock.finish_wait(true);
    } else {
      lock.finish_wait(false);
      return acquired(frame);
    }
    // `while True: try: await self.acquire()`.
    if (lock.try_take())
      return acquired(frame);
    phase_ = Phase::Acquire;
    park(frame, lock.waiters_);
    return false;
  }

  // wait() returned (the lock is held again): wait_for tests its predicate
  // and waits again while it is false.
  bool acquired(Frame &frame) noexcept {
    if (!predicate_ || cancelled_)
      return true;
    try {
      result_.reset();
      result_.emplace(predicate_());
      if (!*result_) {
        start_wait(frame);
        return false;
      }
    } catch (...) {
      error_ = std::current_exception();
    }
    return true;
  }

  Condition *cond_;
  Lock *lock_;
  std::function<Result()> predicate_;
  Phase phase_ = Phase::Notify;
  bool cancelled_ = false;
  std::exception_ptr error_;
  std::optional<Result> result_;
};

inline Condition::WaitAwaiter<bool> Condition::wait() {
  return WaitAwaiter<bool>(*this, nullptr);
}

template <class Predicate>
Condition::WaitAwaiter<std::decay_t<std::invoke_result_t<Predicate &>>>
Condition::wait_for(Predicate &&predicate) {
  using Result = std::decay_t<std::invoke_result_t<Predicate &>>;
  return WaitAwaiter<Result>(
      *this, std::function<Result()>(std::forward<Predicate>(predicate)));
}

} // namespace awaitc
