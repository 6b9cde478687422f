// awaitc/queue.h - Queue<T>, PriorityQueue<T>, LifoQueue<T>: queues between
// tasks, as asyncio.Queue, asyncio.PriorityQueue, asyncio.LifoQueue.
//
//   awaitc::Queue<int> q(10);          // maxsize 10; 0 (default): unbounded
//   AWAIT(q.put(1));                   // waits while the queue is full
//   int x = AWAIT(q.get());            // waits while it is empty
//   q.task_done();
//   AWAIT(q.join());                   // until every item put is task_done
//
// As asyncio's (CPython 3.11), hop for hop:
//   - get() on a non-empty queue and put() on a non-full one go on at once,
//     without suspending;
//   - put_nowait() wakes the first waiting getter and get_nowait() the first
//     waiting putter (asyncio's _wakeup_next: the woken task leaves the
//     queue of waiters). The woken task resumes one loop iteration later
//     and tests again: if another task took the item (or the slot) first, it
//     waits again, at the back;
//   - a task cancelled in get() or put() throws CancelledError from its AWAIT
//     and loses nothing: no item is taken; if it had been woken already, the
//     next waiter is woken in its place.
// get_nowait() on an empty queue throws QueueEmpty, put_nowait() on a full
// one QueueFull; task_done() called more often than items were put throws
// std::invalid_argument (asyncio's ValueError).
//
// PriorityQueue<T, Compare = std::less<T>> gives the smallest item first
// (a binary heap, as heapq; items that compare equal come out in an
// unspecified order), LifoQueue<T> the most recently put. The three are
// BasicQueue<T, Store> with the stores below (FifoStore, HeapStore,
// LifoStore), and have its members; a BasicQueue with a store of one's own
// is a queue with another order.
//
// Queues are neither copyable nor movable. Destroying one while tasks wait
// leaves them waiting until they are cancelled.
#pragma once

#include <awaitc/detail/wait_list.h>
#include <awaitc/event.h>

#include <algorithm>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace awaitc {

// get_nowait() on an empty queue.
class QueueEmpty : public std::runtime_error {
public:
  QueueEmpty() : std::runtime_error("awaitc::QueueEmpty") {}
};

// put_nowait() on a full queue.
class QueueFull : public std::runtime_error {
public:
  QueueFull() : std::runtime_error("awaitc::QueueFull") {}
};

// The stores of BasicQueue: how it keeps its items and which comes out
// next. A store has push(T&&), pop() (takes the next item out) and size().
//
// First in, first out.
template <class T> class FifoStore {
public:
  void push(T &&item) { items_.push_back(std::move(item)); }
  T pop() {
    T item = std::move(items_.front());
    items_.pop_front();
    return item;
  }
  std::size_t size() const noexcept { return items_.size(); }

private:
  std::deque<T> items_;
};

// Last in, first out.
template <class T> class LifoStore {
public:
  void push(T &&item) { items_.push_back(std::move(item)); }
  T pop() {
    T item = std::move(items_.back());
    items_.pop_back();
    return item;
  }
  std::size_t size() const noexcept { return items_.size(); }

private:
  std::vector<T> items_;
};

// The smallest item by Compare first: a binary heap, as heapq.
template <class T, class Compare> class HeapStore {
public:
  void push(T &&item) {
    items_.push_back(std::move(item));
    std::push_heap(items_.begin(), items_.end(), Greater{});
  }
  T pop() {
    std::pop_heap(items_.begin(), items_.end(), Greater{});
    T item = std::move(items_.back());
    items_.pop_back();
    return item;
  }
  std::size_t size() const noexcept { return items_.size(); }

private:
  struct Greater { // the heap's top is the smallest item
    bool operator()(const T &a, const T &b) const { return Compare()(b, a); }
  };
  std::vector<T> items_;
};

// The queue; Queue, PriorityQueue and LifoQueue differ in Store only.
template <class T, class Store> class BasicQueue {
public:
  class GetAwaiter;
  class PutAwaiter;

  // maxsize <= 0: unbounded.
  explicit BasicQueue(long maxsize = 0) : maxsize_(maxsize) { finished_.set(); }
  BasicQueue(const BasicQueue &) = delete;
  BasicQueue &operator=(const BasicQueue &) = delete;

  std::size_t qsize() const noexcept { return store_.size(); }
  long maxsize() const noexcept { return maxsize_; }
  bool empty() const noexcept { return store_.size() == 0; }
  bool full() const noexcept {
    return maxsize_ > 0 && store_.size() >= static_cast<std::size_t>(maxsize_);
  }

  // AWAIT(q.put(item)): waits while the queue is full.
  PutAwaiter put(T item) { return PutAwaiter(*this, std::move(item)); }
  // AWAIT(q.get()): waits while the queue is empty.
  GetAwaiter get() noexcept { return GetAwaiter(*this); }

  // QueueFull if full.
  void put_nowait(T item) {
    if (full())
      throw QueueFull();
    store_.push(std::move(item));
    ++unfinished_;
    finished_.clear();
    getters_.pop_and_wake_next();
  }
  // QueueEmpty if empty.
  T get_nowait() {
    if (empty())
      throw QueueEmpty();
    T item = store_.pop();
    putters_.pop_and_wake_next();
    return item;
  }

  // An item taken with get() has been processed; std::invalid_argument when
  // called more often than items were put.
  void task_done() {
    if (unfinished_ <= 0)
      throw std::invalid_argument(
          "awaitc::Queue::task_done() called too many times");
    if (--unfinished_ == 0)
      finished_.set();
  }
  // AWAIT(q.join()): until task_done() was called for every item put.
  Event::WaitAwaiter join() noexcept { return finished_.wait(); }

private:
  // What get() and put() share: asyncio's `while cond: await waiter`, with
  // its `except:` clause.
  class WaiterBase : protected detail::ParkedWaiter {
  protected:
    explicit WaiterBase(BasicQueue &queue) noexcept : queue_(&queue) {}
    WaiterBase(const WaiterBase &other) noexcept
        : ParkedWaiter(other), queue_(other.queue_) {}

    // `blocked`: the loop's condition (empty / full); `waiters`: where to
    // wait. A cancelled waiter that was woken wakes the next one when the
    // queue is not blocked for it (not empty / not full).
    template <class Blocked>
    bool step(Frame &frame, detail::WaitList &waiters,
              Blocked blocked) noexcept {
      const bool cancelling = take_cancellation();
      if (orphaned()) {
        unpark();
        outcome_ = cancelling ? Outcome::Cancelled : Outcome::Orphaned;
        return true;
      }
      if (cancelling) {
        const bool woken = !cancelled();
        unpark();
        if (woken && !blocked())
          waiters.pop_and_wake_next();
        outcome_ = Outcome::Cancelled;
        return true;
      }
      unpark();
      if (blocked()) {
        park(frame, waiters);
        return false;
      }
      return true;
    }
    void check_outcome() const {
      if (outcome_ == Outcome::Cancelled)
        throw CancelledError();
      if (outcome_ == Outcome::Orphaned)
        throw std::logic_error("awaitc::Queue destroyed while a task waited");
    }

    enum class Outcome { Ready, Cancelled, Orphaned };
    BasicQueue *queue_;
    Outcome outcome_ = Outcome::Ready;
  };

  long maxsize_;
  long unfinished_ = 0;
  Store store_;
  detail::WaitList getters_;
  detail::WaitList putters_;
  Event finished_;
};

template <class T, class Store>
class BasicQueue<T, Store>::GetAwaiter final : public WaiterBase {
public:
  explicit GetAwaiter(BasicQueue &queue) noexcept : WaiterBase(queue) {}

  bool await_ready() const noexcept { return !this->queue_->empty(); }
  bool await_suspend(Frame &frame) noexcept {
    this->park(frame, this->queue_->getters_);
    return true;
  }
  T await_resume() {
    this->check_outcome();
    return this->queue_->get_nowait();
  }

private:
  bool on_step(Frame &frame) noexcept override {
    BasicQueue *queue = this->queue_;
    return this->step(frame, queue->getters_,
                      [queue] { return queue->empty(); });
  }
};

template <class T, class Store>
class BasicQueue<T, Store>::PutAwaiter final : public WaiterBase {
public:
  PutAwaiter(BasicQueue &queue, T item)
      : WaiterBase(queue), item_(std::move(item)) {}
  PutAwaiter(PutAwaiter &&other) noexcept(
      std::is_nothrow_move_constructible_v<T>)
      : WaiterBase(other), item_(std::move(other.item_)) {}

  bool await_ready() const noexcept { return !this->queue_->full(); }
  bool await_suspend(Frame &frame) noexcept {
    this->park(frame, this->queue_->putters_);
    return true;
  }
  void await_resume() {
    this->check_outcome();
    this->queue_->put_nowait(std::move(item_));
  }

private:
  bool on_step(Frame &frame) noexcept override {
    BasicQueue *queue = this->queue_;
    return this->step(frame, queue->putters_,
                      [queue] { return queue->full(); });
  }

  T item_;
};

// asyncio.Queue: first in, first out.
template <class T> class Queue : public BasicQueue<T, FifoStore<T>> {
public:
  using BasicQueue<T, FifoStore<T>>::BasicQueue;
};

// asyncio.PriorityQueue: the smallest item (by Compare) first.
template <class T, class Compare = std::less<T>>
class PriorityQueue : public BasicQueue<T, HeapStore<T, Compare>> {
public:
  using BasicQueue<T, HeapStore<T, Compare>>::BasicQueue;
};

// asyncio.LifoQueue: the most recently put item first.
template <class T> class LifoQueue : public BasicQueue<T, LifoStore<T>> {
public:
  using BasicQueue<T, LifoStore<T>>::BasicQueue;
};

} // namespace awaitc
