//===- loop.cpp - the event loop ------------------------------------------===//
//
// See awaitc/loop.h. The ready queue is a circular doubly-linked list of
// callbacks that link themselves in place; the timers are a binary heap
// that records each timer's position, so that cancelling one is O(log n).
//
//===----------------------------------------------------------------------===//

#include <awaitc/detail/poller.h>
#include <awaitc/detail/task_base.h>
#include <awaitc/loop.h>
#include <awaitc/run.h>

#include <atomic>
#include <cassert>
#include <chrono>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <utility>

namespace awaitc {
namespace {
thread_local EventLoop *current_loop = nullptr;

void report_callback_exception() noexcept {
  try {
    throw;
  } catch (const std::exception &error) {
    std::fprintf(stderr, "awaitc: exception in callback: %s\n", error.what());
  } catch (const CancelledError &) {
    std::fprintf(stderr, "awaitc: exception in callback: CancelledError\n");
  } catch (...) {
    std::fprintf(stderr, "awaitc: exception in callback\n");
  }
}
} // namespace

namespace detail {

void LoopCallback::unlink() noexcept {
  if (!next_)
    return;
  prev_->next_ = next_;
  next_->prev_ = prev_;
  prev_ = next_ = nullptr;
}

TimerCallback::~TimerCallback() { unschedule(); }

void TimerCallback::unschedule() noexcept {
  if (scheduled()) {
    EventLoop *loop = EventLoop::current_or_null();
    assert(loop && "a scheduled timer outlived its loop");
    loop->heap_remove(*this);
  }
  unlink();
}

bool QueueEnd::empty() const noexcept { return next_ == this; }

void QueueEnd::reset() noexcept { prev_ = next_ = this; }

// A callback given to call_soon / call_later. The loop holds one reference
// while it is queued or scheduled, each Handle another.
Poller &poller_of(EventLoop &loop) noexcept { return *loop.poller_; }

// A callback given to call_soon_threadsafe.
class PostedCallback final : public ThreadsafeCallback {
public:
  explicit PostedCallback(std::function<void()> function)
      : function_(std::move(function)) {}

private:
  void on_loop() override { function_(); }
  std::function<void()> function_;
};

class UserCallback final : public TimerCallback {
public:
  explicit UserCallback(std::function<void()> function)
      : function_(std::move(function)) {}

  void add_ref() noexcept { ++refs_; }
  void release() noexcept {
    if (--refs_ == 0)
      delete this;
  }

  bool cancelled = false;

private:
  void run() override {
    struct LoopReference {
      UserCallback *callback;
      ~LoopReference() { callback->release(); }
    } loop_reference{this};
    function_();
  }
  void discard() noexcept override { release(); }

  std::function<void()> function_;
  int refs_ = 0;
};

} // namespace detail

// --- Handle ------------------------------------------------------------------

Handle::Handle(detail::UserCallback *callback) noexcept : callback_(callback) {
  callback_->add_ref();
}
Handle::Handle(const Handle &other) noexcept : callback_(other.callback_) {
  if (callback_)
    callback_->add_ref();
}
Handle::Handle(Handle &&other) noexcept
    : callback_(std::exchange(other.callback_, nullptr)) {}
Handle &Handle::operator=(Handle other) noexcept {
  std::swap(callback_, other.callback_);
  return *this;
}
Handle::~Handle() {
  if (callback_)
    callback_->release();
}

void Handle::cancel() noexcept {
  if (!callback_ || callback_->cancelled)
    return;
  callback_->cancelled = true;
  if (callback_->scheduled() || callback_->queued()) {
    callback_->unschedule();
    callback_->release(); // the loop's reference
  }
}

bool Handle::cancelled() const noexcept {
  return callback_ && callback_->cancelled;
}

double TimerHandle::when() const noexcept {
  return callback_ ? callback_->when() : 0;
}

// --- EventLoop ---------------------------------------------------------------

EventLoop::EventLoop() {
  static std::atomic<std::uint64_t> loops_created{0};
  id_ = loops_created.fetch_add(1, std::memory_order_relaxed) + 1;
  if (current_loop)
    throw std::logic_error(
        "awaitc: an event loop is already running in this thread");
  poller_ = std::make_unique<detail::Poller>();
  current_loop = this;
}

EventLoop::EventLoop(const RunOptions &options) : EventLoop() {
  virtual_time_ = options.virtual_time;
}

EventLoop::~EventLoop() {
  // Tasks still pending lose their frames first: suspended awaiters
  // unregister from the queues, which must still exist.
  while (detail::TaskBase *task = first_task_) {
    remove_task(*task);
    task->abandon();
    task->release();
  }
  for (detail::QueueEnd *queue : {&running_, &ready_}) {
    while (!queue->empty()) {
      detail::LoopCallback *callback = queue->next_;
      callback->unlink();
      callback->discard();
    }
  }
  while (!timers_.empty()) {
    detail::TimerCallback *timer = timers_.front();
    heap_remove(*timer);
    timer->discard();
  }
  current_loop = nullptr;
}

EventLoop &EventLoop::current() {
  if (!current_loop)
    throw std::logic_error("awaitc: no running event loop (use awaitc::run)");
  return *current_loop;
}

EventLoop *EventLoop::current_or_null() noexcept { return current_loop; }

double EventLoop::time() const noexcept {
  if (virtual_time_)
    return virtual_now_;
  using Seconds = std::chrono::duration<double>;
  return Seconds(std::chrono::steady_clock::now().time_since_epoch()).count();
}

Handle EventLoop::call_soon(std::function<void()> callback) {
  auto *entry = new detail::UserCallback(std::move(callback));
  entry->add_ref(); // the loop's reference
  Handle handle(entry);
  enqueue(*entry);
  return handle;
}

TimerHandle EventLoop::call_later(double delay,
                                  std::function<void()> callback) {
  return call_at(time() + delay, std::move(callback));
}

TimerHandle EventLoop::call_at(double when, std::function<void()> callback) {
  auto *entry = new detail::UserCallback(std::move(callback));
  entry->add_ref(); // the loop's reference
  TimerHandle handle(entry);
  schedule(*entry, when);
  return handle;
}

void EventLoop::call_soon_threadsafe(std::function<void()> callback) {
  poller_->post(new detail::PostedCallback(std::move(callback)));
}

void EventLoop::enqueue(detail::LoopCallback &callback) noexcept {
  assert(!callback.queued() && "callback enqueued twice");
  callback.prev_ = ready_.prev_;
  callback.next_ = &ready_;
  ready_.prev_->next_ = &callback;
  ready_.prev_ = &callback;
}

void EventLoop::schedule(detail::TimerCallback &timer, double when) {
  assert(!timer.scheduled() && !timer.queued() && "timer scheduled twice");
  timer.when_ = when;
  timer.sequence_ = next_sequence_++;
  timers_.push_back(&timer);
  timer.heap_index_ = timers_.size() - 1;
  heap_sift_up(timer.heap_index_);
}

bool EventLoop::run_once() {
  detail::Poller &poller = *poller_;
  // Callbacks posted by other threads join the ready queue first, as
  // asyncio's call_soon_threadsafe appends to it at once.
  poller.take_posted(*this);
  if (ready_.empty()) {
    if (!timers_.empty())
      wait_for_next_timer();
    else if (poller.awaits_work())
      poller.poll(*this, -1);
    else
      return false;
  } else if (poller.has_watchers()) {
    poller.poll(*this, 0);
  }
  const double now = time();
  while (!timers_.empty() && timers_.front()->when_ <= now) {
    detail::TimerCallback *timer = timers_.front();
    heap_remove(*timer);
    enqueue(*timer);
  }
  // Only what is ready now runs in this iteration.
  if (ready_.empty())
    return true;
  running_.next_ = ready_.next_;
  running_.prev_ = ready_.prev_;
  running_.next_->prev_ = &running_;
  running_.prev_->next_ = &running_;
  ready_.reset();
  while (!running_.empty()) {
    detail::LoopCallback *callback = running_.next_;
    callback->unlink();
    run_callback(*callback);
  }
  return true;
}

void EventLoop::run_callback(detail::LoopCallback &callback) noexcept {
  try {
    callback.run();
  } catch (...) {
    report_callback_exception();
  }
}

void EventLoop::wait_for_next_timer() {
  detail::Poller &poller = *poller_;
  const double deadline = timers_.front()->when_;
  if (virtual_time_) {
    // The clock does not run ahead of real I/O or a thread's job: wait for
    // them for the timer's delay in real time, and jump only if none came.
    if (poller.awaits_work()) {
      poller.poll(*this, deadline > virtual_now_ ? deadline - virtual_now_ : 0);
      if (!ready_.empty())
        return;
    }
    if (deadline > virtual_now_)
      virtual_now_ = deadline;
    return;
  }
  const double delay = deadline - time();
  poller.poll(*this, delay > 0 ? delay : 0);
}

void EventLoop::shutdown() {
  for (detail::TaskBase *task = first_task_; task; task = task->next_task_)
    task->cancel();
  run_until([this] { return !has_pending_tasks(); });
}

void EventLoop::add_task(detail::TaskBase &task) noexcept {
  task.add_ref();
  task.prev_task_ = last_task_;
  task.next_task_ = nullptr;
  (last_task_ ? last_task_->next_task_ : first_task_) = &task;
  last_task_ = &task;
}

// The caller releases the loop's reference.
void EventLoop::remove_task(detail::TaskBase &task) noexcept {
  (task.prev_task_ ? task.prev_task_->next_task_ : first_task_) =
      task.next_task_;
  (task.next_task_ ? task.next_task_->prev_task_ : last_task_) =
      task.prev_task_;
  task.prev_task_ = task.next_task_ = nullptr;
}

// --- timer heap --------------------------------------------------------------

bool EventLoop::earlier(const detail::TimerCallback *a,
                        const detail::TimerCallback *b) noexcept {
  if (a->when_ != b->when_)
    return a->when_ < b->when_;
  return a->sequence_ < b->sequence_;
}

void EventLoop::heap_place(std::size_t index,
                           detail::TimerCallback *timer) noexcept {
  timers_[index] = timer;
  timer->heap_index_ = index;
}

void EventLoop::heap_sift_up(std::size_t index) noexcept {
  detail::TimerCallback *timer = timers_[index];
  while (index > 0) {
    std::size_t parent = (index - 1) / 2;
    if (!earlier(timer, timers_[parent]))
      break;
    heap_place(index, timers_[parent]);
    index = parent;
  }
  heap_place(index, timer);
}

void EventLoop::heap_sift_down(std::size_t index) noexcept {
  detail::TimerCallback *timer = timers_[index];
  const std::size_t size = timers_.size();
  for (;;) {
    std::size_t child = 2 * index + 1;
    if (child >= size)
      break;
    if (child + 1 < size && earlier(timers_[child + 1], timers_[child]))
      ++child;
    if (!earlier(timers_[child], timer))
      break;
    heap_place(index, timers_[child]);
    index = child;
  }
  heap_place(index, timer);
}

void EventLoop::heap_remove(detail::TimerCallback &timer) noexcept {
  const std::size_t index = timer.heap_index_;
  assert(index < timers_.size() && timers_[index] == &timer);
  detail::TimerCallback *last = timers_.back();
  timers_.pop_back();
  timer.heap_index_ = detail::TimerCallback::kNotScheduled;
  if (last == &timer)
    return;
  heap_place(index, last);
  heap_sift_up(index);
  heap_sift_down(last->heap_index_);
}

// --- free functions ----------------------------------------------------------

Handle call_soon(std::function<void()> callback) {
  return EventLoop::current().call_soon(std::move(callback));
}
TimerHandle call_later(double delay, std::function<void()> callback) {
  return EventLoop::current().call_later(delay, std::move(callback));
}
TimerHandle call_at(double when, std::function<void()> callback) {
  return EventLoop::current().call_at(when, std::move(callback));
}
void call_soon_threadsafe(std::function<void()> callback) {
  EventLoop::current().call_soon_threadsafe(std::move(callback));
}
double loop_time() { return EventLoop::current().time(); }

} // namespace awaitc
