// awaitc/detail/poller.h - how the loop waits for file descriptors and for
// other threads (epoll and an eventfd, Linux).
//
// Each loop owns one Poller. The loop asks it to wait when it has nothing
// else to do, as asyncio's _run_once calls select(): for no time if a
// callback is ready, until the next timer, or for ever if only I/O (or work
// on another thread) can end the wait. What the wait reports is enqueued on
// the ready queue like any other callback, in the iteration that saw it:
//   - IoWatcher: a file descriptor watched for reading and/or writing
//     (asyncio's add_reader/add_writer). Level-triggered: while the
//     descriptor stays readable and the interest stays on, the reader
//     callback is enqueued again every iteration. Dropping an interest
//     also takes a callback already enqueued but not yet run back out of
//     the ready queue (asyncio cancels the handle).
//   - ThreadsafeCallback: posted by another thread (call_soon_threadsafe,
//     a worker thread finishing a to_thread job); the eventfd wakes the
//     wait, and the next iteration begins by moving the posted callbacks, in
//     the order they were posted, to the back of the ready queue.
// The loop keeps count of what it waits for outside the ready queue and the
// timers (watchers with an interest that count as work, jobs running on
// worker threads): with none of it, run() reports a deadlock instead of
// waiting for ever.
#pragma once

#include <awaitc/loop.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace awaitc {
namespace detail {

class Poller;
class ThreadPool;

// The poller of a loop (created with the loop).
Poller &poller_of(EventLoop &loop) noexcept;

// A file descriptor the loop watches. Derive, implement on_readable() and
// on_writable(), open(fd), then set_interest(). Runs on the loop's thread
// only; the descriptor is not closed by the watcher.
class IoWatcher {
public:
  IoWatcher() noexcept : reader_(this, true), writer_(this, false) {}
  IoWatcher(const IoWatcher &) = delete;
  IoWatcher &operator=(const IoWatcher &) = delete;
  virtual ~IoWatcher() { close(); }

  int fd() const noexcept { return fd_; }
  // Watches `fd` on the current loop (with no interest yet). `work`: a
  // registered interest keeps run() waiting (false for descriptors that only
  // matter while someone waits on them anyway).
  void open(int fd, bool work = true);
  // Stops watching (the descriptor stays open).
  void close() noexcept;

  void set_interest(bool read, bool write);
  void want_read(bool on) { set_interest(on, wants_write_); }
  void want_write(bool on) { set_interest(wants_read_, on); }
  bool wants_read() const noexcept { return wants_read_; }
  bool wants_write() const noexcept { return wants_write_; }

protected:
  // Called from the ready queue while the descriptor is ready and the
  // interest is on. Exceptions are reported as a callback's.
  virtual void on_readable() = 0;
  virtual void on_writable() = 0;

private:
  friend class Poller;
  struct Ready final : LoopCallback {
    Ready(IoWatcher *o, bool r) noexcept : owner(o), reading(r) {}
    void run() override {
      if (reading)
        owner->on_readable();
      else
        owner->on_writable();
    }
    using LoopCallback::unlink;
    IoWatcher *owner;
    bool reading;
  };

  EventLoop *loop_ = nullptr;
  int fd_ = -1;
  bool work_ = true;
  bool registered_ = false; // in the epoll set
  bool wants_read_ = false;
  bool wants_write_ = false;
  Ready reader_;
  Ready writer_;
};

// A callback posted from any thread; it runs (or, if the loop closes first,
// is discarded) on the loop's thread. The loop owns it once posted.
class ThreadsafeCallback : public LoopCallback {
public:
  ThreadsafeCallback() noexcept = default;
  // Runs on the loop's thread; deletes itself (the default deletes it).
  void run() override {
    struct Deleter {
      ThreadsafeCallback *self;
      ~Deleter() { delete self; }
    } deleter{this};
    on_loop();
  }
  void discard() noexcept override { delete this; }
  virtual ~ThreadsafeCallback() = default;

protected:
  virtual void on_loop() = 0;
};

// An object that keeps itself alive on behalf of the loop (a connection
// still sending after its handles are gone): told when the loop closes.
class Lingering {
public:
  virtual void on_loop_closed() noexcept = 0;

protected:
  Lingering() noexcept = default;
  Lingering(const Lingering &) = delete;
  Lingering &operator=(const Lingering &) = delete;
  ~Lingering() = default;

private:
  friend class Poller;
  Lingering *prev_ = nullptr;
  Lingering *next_ = nullptr;
};

class Poller {
public:
  Poller();
  ~Poller();
  Poller(const Poller &) = delete;
  Poller &operator=(const Poller &) = delete;

  // Thread-safe: hands `callback` to the loop and wakes it.
  void post(ThreadsafeCallback *callback);
  // Moves the posted callbacks to the loop's ready queue (loop thread).
  void take_posted(EventLoop &loop) noexcept;
  bool has_posted() const noexcept {
    return posted_flag_.load(std::memory_order_acquire);
  }
  // Drops what was posted and never taken (the loop is closing).
  void discard_posted() noexcept;

  // Waits up to `timeout` seconds (negative: no limit) for the watched
  // descriptors or a post, and enqueues the callbacks of what is ready.
  void poll(EventLoop &loop, double timeout);

  // True if something outside the ready queue and the timers may still
  // happen: a watcher's interest that counts as work, or work_begin()
  // without work_end() (a job on a worker thread).
  bool awaits_work() const noexcept {
    return active_watchers_ > 0 || external_work_ > 0;
  }
  bool has_watchers() const noexcept { return registered_watchers_ > 0; }
  void work_begin() noexcept { ++external_work_; }
  void work_end() noexcept { --external_work_; }

  // The loop's worker threads (detail/thread_pool.h), made on first use.
  ThreadPool &pool();

  void linger(Lingering &object) noexcept;
  void unlinger(Lingering &object) noexcept;

private:
  friend class IoWatcher;
  void update(IoWatcher &watcher, bool read, bool write);

  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  std::size_t registered_watchers_ = 0;
  std::size_t active_watchers_ = 0;
  std::size_t external_work_ = 0;

  std::mutex posted_mutex_;
  std::vector<ThreadsafeCallback *> posted_;
  std::atomic<bool> posted_flag_{false};
  Lingering *first_lingering_ = nullptr;
  // Last: joined first, while what its workers post can still arrive.
  std::unique_ptr<ThreadPool> pool_;
};

} // namespace detail
} // namespace awaitc
