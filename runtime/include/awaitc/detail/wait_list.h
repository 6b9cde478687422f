// awaitc/detail/wait_list.h - a primitive's queue of waiting tasks.
//
// asyncio's Event, Lock, Semaphore, Condition and Queue keep a deque of
// futures, one per waiting coroutine. A waiter's future is pending, done
// (the primitive woke it: set_result) or cancelled (its task was cancelled
// while it waited), and in most primitives it stays in the deque until its
// coroutine resumes and removes it. The primitives' decisions look at those
// states (Lock.acquire: "all waiters cancelled?"; Semaphore: "the first
// waiter that is not done"), so awaitc keeps the same deque with the same
// states: ParkedWaiter is the future and the suspended awaiter in one, linked
// in place into the primitive's WaitList.
//
// Waking a ParkedWaiter (set_result) enqueues its task's next step: the one
// hop that asyncio's future callback (Task.__wakeup) takes. Cancelling its
// task cancels the future as asyncio's Task.cancel does (the task resumes
// with CancelledError); once the future is done the cancellation is
// delivered when the task resumes (Waiter protocol, task_base.h).
#pragma once

#include <awaitc/detail/task_base.h>

#include <cassert>
#include <cstddef>

namespace awaitc {
namespace detail {

class WaitList;

class ParkedWaiter : public Waiter {
public:
  enum class State : unsigned char { Idle, Pending, Done, Cancelled };

  State state() const noexcept { return state_; }
  bool done() const noexcept {
    return state_ == State::Done || state_ == State::Cancelled;
  }
  bool cancelled() const noexcept { return state_ == State::Cancelled; }
  bool parked() const noexcept { return list_ != nullptr; }
  // The primitive was destroyed while this waiter was in its list.
  bool orphaned() const noexcept { return orphaned_; }

  // fut.set_result(): wakes the task.
  void set_result() noexcept {
    assert(state_ == State::Pending);
    state_ = State::Done;
    wake();
  }

  // Task::cancel() while the task waits here: fut.cancel().
  bool cancel() noexcept override {
    if (state_ != State::Pending)
      return false;
    state_ = State::Cancelled;
    wake_cancelled();
    return true;
  }

  ParkedWaiter *next_parked() const noexcept { return next_; }

protected:
  ParkedWaiter() noexcept = default;
  ParkedWaiter(const ParkedWaiter &other) noexcept : Waiter(other) {}
  ParkedWaiter &operator=(const ParkedWaiter &) = delete;
  ~ParkedWaiter();

  // Suspends the task running `frame` with a new pending future at the back
  // of `list`.
  inline void park(Frame &frame, WaitList &list) noexcept;
  // waiters.remove(fut), if it is still there.
  inline void unpark() noexcept;

private:
  friend class WaitList;
  State state_ = State::Idle;
  bool orphaned_ = false;
  WaitList *list_ = nullptr;
  ParkedWaiter *prev_ = nullptr;
  ParkedWaiter *next_ = nullptr;
};

// The deque of futures, in the order the waits began.
class WaitList {
public:
  WaitList() noexcept = default;
  WaitList(const WaitList &) = delete;
  WaitList &operator=(const WaitList &) = delete;
  // The waiters left are orphaned: only their task's cancellation can end
  // their wait now, and they must not touch the primitive when it does.
  ~WaitList() {
    while (ParkedWaiter *waiter = first_) {
      remove(*waiter);
      waiter->orphaned_ = true;
    }
  }

  bool empty() const noexcept { return first_ == nullptr; }
  ParkedWaiter *front() const noexcept { return first_; }
  std::size_t size() const noexcept { return size_; }

  void push_back(ParkedWaiter &waiter) noexcept {
    assert(!waiter.list_);
    waiter.list_ = this;
    waiter.prev_ = last_;
    waiter.next_ = nullptr;
    (last_ ? last_->next_ : first_) = &waiter;
    last_ = &waiter;
    ++size_;
  }
  void remove(ParkedWaiter &waiter) noexcept {
    assert(waiter.list_ == this);
    (waiter.prev_ ? waiter.prev_->next_ : first_) = waiter.next_;
    (waiter.next_ ? waiter.next_->prev_ : last_) = waiter.prev_;
    waiter.list_ = nullptr;
    waiter.prev_ = waiter.next_ = nullptr;
    --size_;
  }

  // Queue._wakeup_next: pops waiters until one is not done, and wakes it.
  void pop_and_wake_next() noexcept {
    while (ParkedWaiter *waiter = first_) {
      remove(*waiter);
      if (!waiter->done()) {
        waiter->set_result();
        return;
      }
    }
  }

private:
  ParkedWaiter *first_ = nullptr;
  ParkedWaiter *last_ = nullptr;
  std::size_t size_ = 0;
};

inline ParkedWaiter::~ParkedWaiter() { unpark(); }

inline void ParkedWaiter::park(Frame &frame, WaitList &list) noexcept {
  state_ = State::Pending;
  list.push_back(*this);
  suspend(frame);
}

inline void ParkedWaiter::unpark() noexcept {
  if (list_)
    list_->remove(*this);
}

} // namespace detail
} // namespace awaitc
