//===- poller.cpp - epoll and eventfd under the event loop ----------------===//
//
// See awaitc/detail/poller.h.
//
//===----------------------------------------------------------------------===//

#include <awaitc/detail/poller.h>
#include <awaitc/detail/thread_pool.h>

#include <cassert>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <system_error>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace awaitc {
namespace detail {

namespace {
[[noreturn]] void throw_errno(const char *what) {
  throw std::system_error(errno, std::generic_category(), what);
}
} // namespace

// --- IoWatcher ---------------------------------------------------------------

void IoWatcher::open(int fd, bool work) {
  assert(fd_ < 0 && "watcher opened twice");
  loop_ = &EventLoop::current();
  fd_ = fd;
  work_ = work;
}

void IoWatcher::close() noexcept {
  if (fd_ < 0)
    return;
  // After its loop has closed, a watcher has nothing left to unregister.
  if (EventLoop::current_or_null() == loop_) {
    try {
      set_interest(false, false);
    } catch (...) {
      // EPOLL_CTL_DEL does not fail for a registered descriptor.
    }
  }
  reader_.unlink();
  writer_.unlink();
  fd_ = -1;
  loop_ = nullptr;
}

void IoWatcher::set_interest(bool read, bool write) {
  assert(fd_ >= 0 && loop_);
  if (read == wants_read_ && write == wants_write_)
    return;
  poller_of(*loop_).update(*this, read, write);
  if (!read)
    reader_.unlink();
  if (!write)
    writer_.unlink();
}

// --- Poller ------------------------------------------------------------------

Poller::Poller() {
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd_ < 0)
    throw_errno("awaitc: epoll_create1");
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (wake_fd_ < 0) {
    int error = errno;
    ::close(epoll_fd_);
    errno = error;
    throw_errno("awaitc: eventfd");
  }
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.ptr = nullptr; // the wake-up descriptor
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &event) < 0) {
    int error = errno;
    ::close(wake_fd_);
    ::close(epoll_fd_);
    errno = error;
    throw_errno("awaitc: epoll_ctl");
  }
}

Poller::~Poller() {
  pool_.reset(); // its workers finish and post what they took
  discard_posted();
  while (Lingering *object = first_lingering_) {
    unlinger(*object);
    object->on_loop_closed();
  }
  ::close(wake_fd_);
  ::close(epoll_fd_);
}

void Poller::update(IoWatcher &watcher, bool read, bool write) {
  const bool was_active = watcher.wants_read_ || watcher.wants_write_;
  const bool active = read || write;
  if (active) {
    epoll_event event{};
    event.events = (read ? EPOLLIN : 0u) | (write ? EPOLLOUT : 0u);
    event.data.ptr = &watcher;
    const int op = watcher.registered_ ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    if (::epoll_ctl(epoll_fd_, op, watcher.fd_, &event) < 0)
      throw_errno("awaitc: epoll_ctl");
    if (!watcher.registered_)
      ++registered_watchers_;
    watcher.registered_ = true;
  } else if (watcher.registered_) {
    // Removing it at once (rather than keeping an empty mask) keeps a
    // descriptor the user closes later out of the epoll set.
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, watcher.fd_, nullptr);
    watcher.registered_ = false;
    --registered_watchers_;
  }
  if (watcher.work_ && was_active != active)
    active ? ++active_watchers_ : --active_watchers_;
  watcher.wants_read_ = read;
  watcher.wants_write_ = write;
}

void Poller::poll(EventLoop &loop, double timeout) {
  constexpr int kMaxEvents = 256;
  epoll_event events[kMaxEvents];
  int count;
  if (timeout == 0) {
    count = ::epoll_wait(epoll_fd_, events, kMaxEvents, 0);
  } else {
    // epoll_pwait2 takes nanoseconds: a timer is not rounded to milliseconds.
    timespec limit{};
    if (timeout > 0) {
      const double seconds = std::floor(timeout);
      limit.tv_sec = seconds > 1e9 ? static_cast<time_t>(1e9)
                                   : static_cast<time_t>(seconds);
      limit.tv_nsec = static_cast<long>((timeout - seconds) * 1e9);
    }
    // A kernel older than 5.11 (or valgrind) lacks it: epoll_wait, in ms.
    static std::atomic<bool> have_pwait2{true};
    count = -1;
    errno = ENOSYS;
    if (have_pwait2.load(std::memory_order_relaxed)) {
      count = ::epoll_pwait2(epoll_fd_, events, kMaxEvents,
                             timeout < 0 ? nullptr : &limit, nullptr);
      if (count < 0 && errno == ENOSYS)
        have_pwait2.store(false, std::memory_order_relaxed);
    }
    if (count < 0 && errno == ENOSYS) {
      int ms = -1;
      if (timeout > 0) {
        const double rounded = std::ceil(timeout * 1000.0);
        ms = rounded > INT_MAX ? INT_MAX : static_cast<int>(rounded);
      }
      count = ::epoll_wait(epoll_fd_, events, kMaxEvents, ms);
    }
  }
  if (count < 0) {
    if (errno == EINTR) // a signal: the loop's next iteration waits again
      return;
    throw_errno("awaitc: epoll_wait");
  }
  for (int i = 0; i < count; ++i) {
    auto *watcher = static_cast<IoWatcher *>(events[i].data.ptr);
    const std::uint32_t what = events[i].events;
    if (!watcher) {
      std::uint64_t value;
      while (::read(wake_fd_, &value, sizeof value) > 0) {
      }
      continue;
    }
    // An error or hang-up wakes both directions, as select() reports the
    // descriptor readable and writable: the read or write then sees it.
    const bool failed = what & (EPOLLERR | EPOLLHUP);
    if (watcher->wants_read_ && (failed || (what & (EPOLLIN | EPOLLRDHUP))) &&
        !watcher->reader_.queued())
      detail::enqueue(loop, watcher->reader_);
    if (watcher->wants_write_ && (failed || (what & EPOLLOUT)) &&
        !watcher->writer_.queued())
      detail::enqueue(loop, watcher->writer_);
  }
  take_posted(loop);
}

void Poller::linger(Lingering &object) noexcept {
  object.prev_ = nullptr;
  object.next_ = first_lingering_;
  if (first_lingering_)
    first_lingering_->prev_ = &object;
  first_lingering_ = &object;
}

void Poller::unlinger(Lingering &object) noexcept {
  (object.prev_ ? object.prev_->next_ : first_lingering_) = object.next_;
  if (object.next_)
    object.next_->prev_ = object.prev_;
  object.prev_ = object.next_ = nullptr;
}

ThreadPool &Poller::pool() {
  if (!pool_)
    pool_ = std::make_unique<ThreadPool>(*this);
  return *pool_;
}

void Poller::post(ThreadsafeCallback *callback) {
  bool first;
  {
    std::lock_guard<std::mutex> lock(posted_mutex_);
    first = posted_.empty();
    posted_.push_back(callback);
    posted_flag_.store(true, std::memory_order_release);
  }
  if (first) {
    const std::uint64_t one = 1;
    // EAGAIN (counter saturated) still leaves the descriptor readable.
    ssize_t written = ::write(wake_fd_, &one, sizeof one);
    (void)written;
  }
}

void Poller::take_posted(EventLoop &loop) noexcept {
  if (!has_posted())
    return;
  std::vector<ThreadsafeCallback *> taken;
  {
    std::lock_guard<std::mutex> lock(posted_mutex_);
    taken.swap(posted_);
    posted_flag_.store(false, std::memory_order_release);
  }
  for (ThreadsafeCallback *callback : taken)
    detail::enqueue(loop, *callback);
}

void Poller::discard_posted() noexcept {
  std::vector<ThreadsafeCallback *> taken;
  {
    std::lock_guard<std::mutex> lock(posted_mutex_);
    taken.swap(posted_);
    posted_flag_.store(false, std::memory_order_release);
  }
  for (ThreadsafeCallback *callback : taken)
    callback->discard();
}

} // namespace detail
} // namespace awaitc
