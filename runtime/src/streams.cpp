//===- streams.cpp - StreamReader, StreamWriter, open_connection ----------===//
//
// See awaitc/streams.h and awaitc/detail/stream_core.h. The logic follows
// CPython 3.11's asyncio streams and selector transport so that the same
// program takes the same path.
//
//===----------------------------------------------------------------------===//

#include <awaitc/detail/awaiter_coro.h>
#include <awaitc/detail/os_error.h>
#include <awaitc/detail/resolve.h>
#include <awaitc/detail/stream_core.h>
#include <awaitc/detail/task_base.h>
#include <awaitc/streams.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cstring>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace awaitc {
namespace detail {

// --- errors ------------------------------------------------------------------

std::exception_ptr os_error(int error, const char *what) {
  const std::error_code code(error, std::system_category());
  switch (error) {
  case ECONNREFUSED:
    return std::make_exception_ptr(ConnectionRefusedError(code, what));
  case ECONNRESET:
    return std::make_exception_ptr(ConnectionResetError(code, what));
  case ECONNABORTED:
    return std::make_exception_ptr(ConnectionAbortedError(code, what));
  case EPIPE:
  case ESHUTDOWN:
    return std::make_exception_ptr(BrokenPipeError(code, what));
  default:
    return std::make_exception_ptr(std::system_error(code, what));
  }
}

void throw_os_error(int error, const char *what) {
  std::rethrow_exception(os_error(error, what));
}

void make_nonblocking(int fd) {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
    throw_os_error(errno, "fcntl");
  ::fcntl(fd, F_SETFD, FD_CLOEXEC);
}

// --- StreamCore --------------------------------------------------------------

namespace {
constexpr std::size_t kMaxReadSize = 256 * 1024; // asyncio's max_size
constexpr std::size_t kHighWater = 64 * 1024;
constexpr std::size_t kLowWater = kHighWater / 4;
} // namespace

StreamCore::StreamCore(int fd, Kind kind, std::size_t limit_)
    : limit(limit_), kind_(kind), fd_(fd) {
  if (limit == 0) {
    if (fd >= 0)
      ::close(fd);
    throw std::invalid_argument("awaitc: the stream limit must be positive");
  }
  lost_callback_.owner = this;
  if (fd_ >= 0) {
    loop_ = &EventLoop::current();
    open(fd_);
  }
  // Only a socket's or pipe's closing can end these; a reader fed by hand
  // never sets them (asyncio retrieves _closed's exception itself too).
}

StreamCore::~StreamCore() {
  close_descriptor();
  if (LostListener *listener = std::exchange(lost_listener_, nullptr))
    listener->on_connection_lost();
}

void StreamCore::close_descriptor() noexcept {
  if (fd_ < 0)
    return;
  IoWatcher::close();
  ::close(fd_);
  fd_ = -1;
}

void StreamCore::keep_alive(bool on) noexcept {
  if (on == (self_ != nullptr))
    return;
  if (on) {
    self_ = shared_from_this();
    poller_of(*loop_).linger(*this);
  } else {
    if (EventLoop::current_or_null() == loop_)
      poller_of(*loop_).unlinger(*this);
    std::shared_ptr<StreamCore> self = std::move(self_); // may delete *this
  }
}

void StreamCore::on_loop_closed() noexcept {
  lost_callback_.error = nullptr;
  std::shared_ptr<StreamCore> self = std::move(self_);
}

void StreamCore::start_reading() {
  if (fd_ < 0 || kind_ == Kind::PipeWriter)
    return;
  reading_ = true;
  update_reading();
}

void StreamCore::update_reading() {
  if (fd_ < 0)
    return;
  const bool read = reading_ && !reading_paused_ && !closing_;
  set_interest(read, wants_write());
}

// feed_data: buffer, wake the waiting reader, pause reading past 2 * limit.
void StreamCore::feed_data(std::string_view data) {
  assert(!eof && "feed_data after feed_eof");
  if (data.empty())
    return;
  buffer.append(data.data(), data.size());
  if (ReadListener *listener = std::exchange(waiter, nullptr))
    listener->on_read_event();
  if (fd_ >= 0 && !reading_paused_ && buffer.size() > 2 * limit) {
    reading_paused_ = true;
    update_reading();
  }
}

void StreamCore::feed_eof() noexcept {
  eof = true;
  if (ReadListener *listener = std::exchange(waiter, nullptr))
    listener->on_read_event();
}

void StreamCore::set_exception(std::exception_ptr error) noexcept {
  exception = std::move(error);
  if (ReadListener *listener = std::exchange(waiter, nullptr))
    listener->on_read_event();
}

void StreamCore::wait_for_data(ReadListener &listener) {
  assert(!waiter || waiter == &listener);
  waiter = &listener;
  if (reading_paused_) {
    reading_paused_ = false;
    update_reading();
  }
}

void StreamCore::maybe_resume_reading() {
  if (reading_paused_ && buffer.size() <= limit) {
    reading_paused_ = false;
    update_reading();
  }
}

void StreamCore::on_readable() {
  static thread_local std::vector<char> scratch(kMaxReadSize);
  ssize_t n;
  do {
    n = ::read(fd_, scratch.data(), scratch.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK)
      return;
    fatal_error(errno, kind_ == Kind::Socket ? "recv" : "read");
    return;
  }
  if (n > 0) {
    feed_data(std::string_view(scratch.data(), static_cast<std::size_t>(n)));
    return;
  }
  // EOF. A socket stays open for writing (StreamReaderProtocol's
  // eof_received keeps it); a pipe is done.
  reading_ = false;
  if (kind_ == Kind::Socket) {
    update_reading();
    feed_eof();
  } else {
    closing_ = true;
    update_reading();
    feed_eof();
    if (!lost_) {
      lost_ = true;
      lost_queued_ = true;
      keep_alive(true);
      detail::enqueue(*loop_, lost_callback_);
    }
  }
}

void StreamCore::write(std::string_view data) {
  if (eof_written_)
    throw std::logic_error("awaitc: write() after write_eof()");
  if (kind_ == Kind::Buffer || kind_ == Kind::PipeReader)
    throw std::logic_error("awaitc: write() on a stream that cannot write");
  if (data.empty())
    return;
  if (lost_ || fd_ < 0)
    return; // asyncio drops it (and logs after a few)
  if (write_buffer_size() == 0) {
    ssize_t n;
    do {
      n = kind_ == Kind::Socket
              ? ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL)
              : ::write(fd_, data.data(), data.size());
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      if (errno != EAGAIN && errno != EWOULDBLOCK) {
        fatal_error(errno, kind_ == Kind::Socket ? "send" : "write");
        return;
      }
      n = 0;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
    if (data.empty())
      return;
    set_interest(wants_read(), true);
  }
  write_buffer_.append(data.data(), data.size());
  if (!writing_paused_ && write_buffer_size() > kHighWater)
    writing_paused_ = true;
}

void StreamCore::on_writable() {
  assert(write_buffer_size() > 0);
  ssize_t n;
  const char *data = write_buffer_.data() + write_offset_;
  const std::size_t size = write_buffer_size();
  do {
    n = kind_ == Kind::Socket ? ::send(fd_, data, size, MSG_NOSIGNAL)
                              : ::write(fd_, data, size);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK)
      return;
    set_interest(wants_read(), false);
    write_buffer_.clear();
    write_offset_ = 0;
    fatal_error(errno, kind_ == Kind::Socket ? "send" : "write");
    return;
  }
  write_offset_ += static_cast<std::size_t>(n);
  if (write_offset_ == write_buffer_.size()) {
    write_buffer_.clear();
    write_offset_ = 0;
  } else if (write_offset_ > write_buffer_.size() / 2) {
    write_buffer_.erase(0, write_offset_);
    write_offset_ = 0;
  }
  // _maybe_resume_protocol
  if (writing_paused_ && write_buffer_size() <= kLowWater) {
    writing_paused_ = false;
    for (Future<void> &waiter : drain_waiters)
      if (!waiter.done())
        waiter.set_result();
  }
  if (write_buffer_size() == 0) {
    set_interest(wants_read(), false);
    if (closing_) {
      connection_lost_now(nullptr);
    } else if (eof_written_) {
      ::shutdown(fd_, SHUT_WR);
    }
  }
}

void StreamCore::write_eof() {
  if (closing_ || eof_written_)
    return;
  if (!can_write_eof())
    throw std::logic_error("awaitc: write_eof() on a stream that cannot");
  eof_written_ = true;
  if (write_buffer_size() == 0 && fd_ >= 0)
    ::shutdown(fd_, SHUT_WR);
}

void StreamCore::close() {
  if (closing_)
    return;
  closing_ = true;
  if (fd_ < 0) // a reader fed by hand: nothing to close
    return;
  update_reading();
  if (write_buffer_size() == 0 && !lost_) {
    lost_ = true;
    set_interest(false, false);
    lost_queued_ = true;
    keep_alive(true);
    detail::enqueue(*loop_, lost_callback_);
  } else if (!lost_) {
    keep_alive(true); // until the buffer is sent
  }
}

void StreamCore::abandon() noexcept {
  try {
    close();
  } catch (...) {
  }
}

void StreamCore::fatal_error(int error, const char *what) noexcept {
  force_close(os_error(error, what));
}

// _force_close(exc): the connection is lost, with `error`, a callback later.
void StreamCore::force_close(std::exception_ptr error) noexcept {
  if (lost_)
    return;
  write_buffer_.clear();
  write_offset_ = 0;
  closing_ = true;
  lost_ = true;
  try {
    set_interest(false, false);
  } catch (...) {
  }
  lost_callback_.error = std::move(error);
  lost_queued_ = true;
  keep_alive(true);
  detail::enqueue(*loop_, lost_callback_);
}

// _call_connection_lost(exc): StreamReaderProtocol.connection_lost, then the
// descriptor is closed.
void StreamCore::connection_lost_now(std::exception_ptr error) noexcept {
  lost_ = true;
  std::shared_ptr<StreamCore> self = shared_from_this();
  if (error)
    set_exception(error);
  else
    feed_eof();
  if (!closed.done()) {
    if (error) {
      closed.set_exception(error);
      closed.exception(); // retrieved: asyncio does not report it either
    } else {
      closed.set_result();
    }
  }
  if (writing_paused_) {
    for (Future<void> &waiter : drain_waiters) {
      if (waiter.done())
        continue;
      if (error) {
        waiter.set_exception(error);
        waiter.exception();
      } else {
        waiter.set_result();
      }
    }
  }
  close_descriptor();
  if (LostListener *listener = std::exchange(lost_listener_, nullptr))
    listener->on_connection_lost();
  keep_alive(false);
}

void StreamCore::Lost::run() {
  owner->lost_queued_ = false;
  owner->connection_lost_now(std::exchange(error, nullptr));
}

void StreamCore::Lost::discard() noexcept {
  owner->lost_queued_ = false;
  error = nullptr;
  owner->keep_alive(false);
}

StreamHandle StreamHandle::make(std::shared_ptr<StreamCore> core) {
  StreamHandle handle;
  std::shared_ptr<StreamCore> owner = core;
  handle.user = std::shared_ptr<void>(nullptr, [owner](void *) mutable {
    owner->abandon();
    owner.reset();
  });
  handle.core = std::move(core);
  return handle;
}

// --- StreamReader's operations -----------------------------------------------

namespace {

enum class ReadOp { Read, ReadAll, ReadExactly, ReadUntil, ReadLine };

const char *op_name(ReadOp op) {
  switch (op) {
  case ReadOp::Read:
  case ReadOp::ReadAll:
    return "read";
  case ReadOp::ReadExactly:
    return "readexactly";
  case ReadOp::ReadUntil:
  case ReadOp::ReadLine:
    return "readuntil";
  }
  return "read";
}

// One read operation: asyncio's coroutine of the same name, whose
// `await self._wait_for_data(...)` is this awaiter waiting (see the
// protocol of detail/task_base.h: on_step() is where the coroutine would
// resume, to try again or wait once more).
class ReadAwaiter final : public Waiter, private ReadListener {
public:
  ReadAwaiter(std::shared_ptr<StreamCore> core, ReadOp op, long long n,
              std::string separator)
      : core_(std::move(core)), op_(op), n_(n),
        separator_(std::move(separator)) {}
  ReadAwaiter(const ReadAwaiter &) = delete;
  ~ReadAwaiter() { stop_waiting(); }

  bool await_ready() { return attempt(); }
  bool await_suspend(Frame &frame) {
    suspend(frame);
    start_waiting();
    return true;
  }
  std::string await_resume() {
    if (cancelled_)
      throw CancelledError();
    resume_or_throw();
    if (error_)
      std::rethrow_exception(error_);
    return std::move(result_);
  }

private:
  void start_waiting() {
    core_->wait_for_data(*this);
    waiting_ = true;
  }
  void stop_waiting() noexcept {
    if (waiting_ && core_->waiter == this)
      core_->waiter = nullptr;
    waiting_ = false;
  }
  void on_read_event() noexcept override {
    waiting_ = false;
    wake();
  }
  bool cancel() noexcept override {
    if (!waiting_)
      return false; // the wake-up is on its way
    stop_waiting();
    wake_cancelled();
    return true;
  }
  bool on_step(Frame &frame) noexcept override {
    if (take_cancellation()) {
      cancelled_ = true;
      return true;
    }
    if (attempt())
      return true;
    suspend(frame);
    try {
      start_waiting();
    } catch (...) {
      error_ = std::current_exception();
      wake();
    }
    return false;
  }

  // Runs the operation on the buffer: true when it has a result or an
  // error, false when it must wait for data.
  bool attempt() noexcept {
    try {
      return attempt_or_throw();
    } catch (...) {
      error_ = std::current_exception();
      return true;
    }
  }

  bool need_data() {
    if (core_->waiter && core_->waiter != this)
      throw std::logic_error(std::string(op_name(op_)) +
                             "() called while another coroutine is already "
                             "waiting for incoming data");
    return false;
  }

  std::string take(std::size_t n) {
    std::string chunk = core_->buffer.substr(0, n);
    core_->buffer.erase(0, n);
    core_->maybe_resume_reading();
    return chunk;
  }

  bool attempt_or_throw() {
    StreamCore &core = *core_;
    switch (op_) {
    case ReadOp::Read:
      if (core.exception)
        std::rethrow_exception(core.exception);
      if (n_ == 0)
        return true;
      if (core.buffer.empty() && !core.eof)
        return need_data();
      result_ = take(std::min<std::size_t>(static_cast<std::size_t>(n_),
                                           core.buffer.size()));
      return true;
    case ReadOp::ReadAll:
      if (core.exception)
        std::rethrow_exception(core.exception);
      result_ += take(core.buffer.size());
      if (core.eof)
        return true;
      return need_data();
    case ReadOp::ReadExactly: {
      if (n_ < 0)
        throw std::invalid_argument(
            "readexactly size can not be less than zero");
      if (core.exception)
        std::rethrow_exception(core.exception);
      const auto n = static_cast<std::size_t>(n_);
      if (n == 0)
        return true;
      if (core.buffer.size() >= n) {
        result_ = take(n);
        return true;
      }
      if (core.eof) {
        std::string partial = std::move(core.buffer);
        core.buffer.clear();
        throw IncompleteReadError(std::move(partial), n);
      }
      return need_data();
    }
    case ReadOp::ReadUntil:
      return read_until();
    case ReadOp::ReadLine:
      try {
        return read_until();
      } catch (IncompleteReadError &error) {
        result_ = error.partial();
        return true;
      } catch (const LimitOverrunError &error) {
        if (core.buffer.compare(error.consumed(), separator_.size(),
                                separator_) == 0)
          core.buffer.erase(0, error.consumed() + separator_.size());
        else
          core.buffer.clear();
        core.maybe_resume_reading();
        throw std::invalid_argument(error.what());
      }
    }
    return true;
  }

  // readuntil(separator); `offset_` survives the waits, as the coroutine's
  // local does.
  bool read_until() {
    StreamCore &core = *core_;
    const std::size_t seplen = separator_.size();
    if (seplen == 0)
      throw std::invalid_argument(
          "Separator should be at least one-byte string");
    if (core.exception)
      std::rethrow_exception(core.exception);
    std::size_t isep;
    for (;;) {
      const std::size_t buflen = core.buffer.size();
      if (buflen >= offset_ + seplen) {
        isep = core.buffer.find(separator_, offset_);
        if (isep != std::string::npos)
          break;
        offset_ = buflen + 1 - seplen;
        if (offset_ > core.limit)
          throw LimitOverrunError(
              "Separator is not found, and chunk exceed the limit", offset_);
      }
      if (core.eof) {
        std::string partial = std::move(core.buffer);
        core.buffer.clear();
        throw IncompleteReadError(std::move(partial), std::nullopt);
      }
      return need_data();
    }
    if (isep > core.limit)
      throw LimitOverrunError(
          "Separator is found, but chunk is longer than limit", isep);
    result_ = take(isep + seplen);
    return true;
  }

  std::shared_ptr<StreamCore> core_;
  ReadOp op_;
  long long n_;
  std::string separator_;
  std::size_t offset_ = 0;
  std::string result_;
  std::exception_ptr error_;
  bool waiting_ = false;
  bool cancelled_ = false;
};

// drain(): `if transport.is_closing(): await sleep(0)`, then
// _drain_helper(): ConnectionResetError if the connection is lost, return
// if writing is not paused, else wait for a future of our own.
class DrainAwaiter final : public Waiter, private LoopCallback {
public:
  explicit DrainAwaiter(std::shared_ptr<StreamCore> core)
      : core_(std::move(core)) {}
  DrainAwaiter(const DrainAwaiter &) = delete;
  ~DrainAwaiter() { forget_future(); }

  bool await_ready() {
    if (core_->exception) {
      error_ = core_->exception;
      return true;
    }
    if (core_->is_closing()) {
      yielding_ = true;
      return false;
    }
    return helper();
  }
  bool await_suspend(Frame &frame) {
    if (yielding_) {
      suspend(frame);
      detail::enqueue(EventLoop::current(), *this);
      return true;
    }
    return wait_on_future(frame);
  }
  void await_resume() {
    if (inner_) {
      forget_future();
      inner_->await_resume();
      return;
    }
    if (cancelled_)
      throw CancelledError();
    resume_or_throw();
    if (error_)
      std::rethrow_exception(error_);
  }

private:
  // True when done (or failed), false when drain must wait on the future.
  bool helper() {
    if (core_->connection_lost()) {
      error_ = std::make_exception_ptr(ConnectionResetError(
          std::error_code(ECONNRESET, std::system_category()),
          "Connection lost"));
      return true;
    }
    return !core_->writing_paused();
  }
  bool wait_on_future(Frame &frame) {
    core_->drain_waiters.push_back(future_);
    inner_.emplace(future_);
    inner_->await_ready();
    return inner_->await_suspend(frame);
  }
  void forget_future() noexcept {
    auto &waiters = core_->drain_waiters;
    waiters.erase(std::remove(waiters.begin(), waiters.end(), future_),
                  waiters.end());
  }
  void run() override { wake(); } // the end of sleep(0)
  bool cancel() noexcept override {
    if (!queued())
      return false;
    unlink();
    wake_cancelled();
    return true;
  }
  bool on_step(Frame &frame) noexcept override {
    if (inner_)
      return true;
    if (take_cancellation()) {
      cancelled_ = true;
      return true;
    }
    yielding_ = false;
    if (helper())
      return true;
    try {
      wait_on_future(frame);
    } catch (...) {
      error_ = std::current_exception();
      return true;
    }
    return false;
  }

  std::shared_ptr<StreamCore> core_;
  Future<void> future_;
  std::optional<FutureAwaiter<void, false>> inner_;
  std::exception_ptr error_;
  bool yielding_ = false;
  bool cancelled_ = false;
};

std::shared_ptr<StreamCore> checked(const StreamHandle &handle) {
  if (!handle.core)
    throw std::logic_error("awaitc: the stream handle is empty (moved from)");
  return handle.core;
}

} // namespace
} // namespace detail

// --- errors ------------------------------------------------------------------

namespace {
std::string incomplete_message(std::size_t got,
                               std::optional<std::size_t> expected) {
  return std::to_string(got) + " bytes read on a total of " +
         (expected ? std::to_string(*expected) : std::string("undefined")) +
         " expected bytes";
}
} // namespace

IncompleteReadError::IncompleteReadError(std::string partial,
                                         std::optional<std::size_t> expected)
    : std::runtime_error(incomplete_message(partial.size(), expected)),
      partial_(std::move(partial)), expected_(expected) {}

// --- StreamReader ------------------------------------------------------------

StreamReader::StreamReader(std::size_t limit)
    : handle_(detail::StreamHandle::make(std::make_shared<detail::StreamCore>(
          -1, detail::StreamCore::Kind::Buffer, limit))) {}

Coro<std::string> StreamReader::read(long long n) {
  return detail::awaiter_coro<std::string, detail::ReadAwaiter>(
      "StreamReader::read", detail::checked(handle_),
      n < 0 ? detail::ReadOp::ReadAll : detail::ReadOp::Read, n, "");
}

Coro<std::string> StreamReader::readline() {
  return detail::awaiter_coro<std::string, detail::ReadAwaiter>(
      "StreamReader::readline", detail::checked(handle_),
      detail::ReadOp::ReadLine, 0, "\n");
}

Coro<std::string> StreamReader::readexactly(long long n) {
  return detail::awaiter_coro<std::string, detail::ReadAwaiter>(
      "StreamReader::readexactly", detail::checked(handle_),
      detail::ReadOp::ReadExactly, n, "");
}

Coro<std::string> StreamReader::readuntil(std::string separator) {
  return detail::awaiter_coro<std::string, detail::ReadAwaiter>(
      "StreamReader::readuntil", detail::checked(handle_),
      detail::ReadOp::ReadUntil, 0, std::move(separator));
}

bool StreamReader::at_eof() const noexcept {
  return handle_.core && handle_.core->eof && handle_.core->buffer.empty();
}

void StreamReader::feed_data(std::string_view data) {
  detail::checked(handle_)->feed_data(data);
}

void StreamReader::feed_eof() { detail::checked(handle_)->feed_eof(); }

std::exception_ptr StreamReader::exception() const noexcept {
  return handle_.core ? handle_.core->exception : nullptr;
}

// --- StreamWriter ------------------------------------------------------------

void StreamWriter::write(std::string_view data) {
  detail::checked(handle_)->write(data);
}

Coro<void> StreamWriter::drain() {
  return detail::awaiter_coro<void, detail::DrainAwaiter>(
      "StreamWriter::drain", detail::checked(handle_));
}

void StreamWriter::write_eof() { detail::checked(handle_)->write_eof(); }

bool StreamWriter::can_write_eof() const noexcept {
  return handle_.core && handle_.core->can_write_eof();
}

void StreamWriter::close() { detail::checked(handle_)->close(); }

bool StreamWriter::is_closing() const noexcept {
  return !handle_.core || handle_.core->is_closing();
}

Coro<void> StreamWriter::wait_closed() {
  return detail::awaiter_coro<void, FutureAwaiter<void, false>>(
      "StreamWriter::wait_closed", detail::checked(handle_)->closed);
}

std::size_t StreamWriter::write_buffer_size() const noexcept {
  return handle_.core ? handle_.core->write_buffer_size() : 0;
}

// --- open_connection ---------------------------------------------------------

namespace detail {
namespace {

// asyncio's create_connection for a stream: resolve (numeric at once, a
// name on a worker thread), then try each address in turn.
class ConnectAwaiter final : public Waiter, private IoWatcher {
public:
  ConnectAwaiter(std::string host, int port, std::size_t limit)
      : resolver_(std::move(host), port, /*passive=*/false), limit_(limit) {}
  ConnectAwaiter(const ConnectAwaiter &) = delete;
  ~ConnectAwaiter() { drop_socket(); }

  bool await_ready() {
    if (!resolver_.resolve_now())
      return false;
    return connect_next();
  }
  bool await_suspend(Frame &frame) {
    suspend(frame);
    if (!resolver_.done())
      resolver_.start([this] { wake(); });
    else
      want_write(true);
    return true;
  }
  std::pair<StreamReader, StreamWriter> await_resume() {
    if (cancelled_)
      throw CancelledError();
    resume_or_throw();
    if (error_)
      std::rethrow_exception(error_);
    auto core = std::make_shared<StreamCore>(std::exchange(socket_, -1),
                                             StreamCore::Kind::Socket, limit_);
    StreamHandle handle = StreamHandle::make(core);
    core->start_reading();
    return {StreamAccess::reader(handle), StreamAccess::writer(handle)};
  }

private:
  // Connects to the next address: true when done (connected, or every
  // address failed), false while a connection is in progress.
  bool connect_next() noexcept {
    const std::vector<Address> &addresses = resolver_.addresses();
    if (resolver_.error()) {
      error_ = resolver_.error();
      return true;
    }
    while (next_ < addresses.size()) {
      const Address &address = addresses[next_++];
      drop_socket();
      socket_ = ::socket(address.family,
                         SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      if (socket_ < 0) {
        error_ = os_error(errno, "socket");
        continue;
      }
      if (address.family == AF_INET || address.family == AF_INET6) {
        int one = 1;
        ::setsockopt(socket_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      }
      int result;
      do {
        result = ::connect(socket_, address.sockaddr(), address.length);
      } while (result < 0 && errno == EINTR);
      if (result == 0) {
        error_ = nullptr;
        return true;
      }
      if (errno == EINPROGRESS) {
        open(socket_);
        return false;
      }
      error_ = os_error(errno, "connect");
    }
    drop_socket();
    if (!error_)
      error_ = os_error(EADDRNOTAVAIL, "connect: no address");
    return true;
  }

  void drop_socket() noexcept {
    IoWatcher::close();
    if (socket_ >= 0)
      ::close(socket_);
    socket_ = -1;
  }

  void on_readable() override {}
  void on_writable() override {
    IoWatcher::close();
    waiting_io_ = false;
    wake();
  }

  bool cancel() noexcept override {
    if (resolver_.pending()) {
      resolver_.cancel();
    } else if (fd() >= 0 && wants_write()) {
      IoWatcher::close();
    } else {
      return false; // the wake-up is on its way
    }
    drop_socket();
    wake_cancelled();
    return true;
  }

  bool on_step(Frame &frame) noexcept override {
    if (take_cancellation()) {
      cancelled_ = true;
      drop_socket();
      resolver_.cancel();
      return true;
    }
    bool done;
    if (socket_ < 0) { // resolved
      done = connect_next();
    } else {
      int error = 0;
      socklen_t length = sizeof error;
      ::getsockopt(socket_, SOL_SOCKET, SO_ERROR, &error, &length);
      if (error == 0) {
        error_ = nullptr;
        return true;
      }
      error_ = os_error(error, "connect");
      done = connect_next();
    }
    if (done)
      return true;
    suspend(frame);
    try {
      want_write(true);
    } catch (...) {
      error_ = std::current_exception();
      drop_socket();
      wake();
    }
    return false;
  }

  Resolver resolver_;
  std::size_t limit_;
  std::size_t next_ = 0;
  int socket_ = -1;
  bool waiting_io_ = false;
  bool cancelled_ = false;
  std::exception_ptr error_;
};

} // namespace
} // namespace detail

Coro<std::pair<StreamReader, StreamWriter>>
open_connection(std::string host, int port, std::size_t limit) {
  return detail::awaiter_coro<std::pair<StreamReader, StreamWriter>,
                              detail::ConnectAwaiter>(
      "open_connection", std::move(host), port, limit);
}

} // namespace awaitc
