//===- server.cpp - start_server and Server -------------------------------===//
//
// See awaitc/server.h. Follows CPython 3.11's base_events.Server and
// create_server, and the selector loop's _accept_connection.
//
//===----------------------------------------------------------------------===//

#include <awaitc/detail/awaiter_coro.h>
#include <awaitc/detail/os_error.h>
#include <awaitc/detail/resolve.h>
#include <awaitc/detail/stream_core.h>
#include <awaitc/detail/task_base.h>
#include <awaitc/server.h>
#include <awaitc/task.h>

#include <algorithm>
#include <cerrno>
#include <optional>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace awaitc {

struct ServerAccess {
  static Server make(std::shared_ptr<detail::ServerCore> core);
  static detail::ServerCore &core(const Server &server);
};

namespace detail {

class ServerCore final : public std::enable_shared_from_this<ServerCore> {
public:
  ServerCore(ClientConnected handler, std::size_t limit, int backlog)
      : handler_(std::move(handler)), limit_(limit), backlog_(backlog) {}
  ~ServerCore() { close_sockets(); }

  // Binds and listens on every address.
  void listen(const std::vector<Address> &addresses, int port);
  void start_serving();
  void close();
  bool closed() const noexcept { return closed_; }
  int port() const noexcept;
  bool serving() const noexcept { return serving_; }

  // wait_closed(): the future to wait for, or none to return at once.
  std::optional<Future<void>> closed_waiter();
  Future<void> begin_serving_forever();
  void end_serving_forever() noexcept { serving_forever_.reset(); }

private:
  struct Listener final : IoWatcher {
    ServerCore *owner = nullptr;
    int socket = -1;
    void on_readable() override { owner->accept(*this); }
    void on_writable() override {}
  };
  // Notified when an accepted connection is gone (asyncio's _detach).
  struct Connection final : LostListener {
    std::shared_ptr<ServerCore> server;
    void on_connection_lost() noexcept override {
      std::shared_ptr<ServerCore> keep = std::move(server);
      delete this;
      keep->detach();
    }
  };

  void accept(Listener &listener);
  void detach() noexcept;
  void wakeup() noexcept;
  void close_sockets() noexcept;

  ClientConnected handler_;
  std::size_t limit_;
  int backlog_;
  std::vector<std::unique_ptr<Listener>> listeners_;
  bool closed_ = false;
  bool serving_ = false;
  bool woken_ = false; // _waiters is None
  std::size_t active_ = 0;
  std::vector<Future<void>> waiters_;
  std::optional<Future<void>> serving_forever_;
  TimerHandle retry_;
};

void ServerCore::listen(const std::vector<Address> &addresses, int port) {
  for (const Address &address : addresses) {
    const int fd = ::socket(address.family,
                            SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      // asyncio skips an address family the system does not have.
      if (errno == EAFNOSUPPORT)
        continue;
      throw_os_error(errno, "socket");
    }
    auto listener = std::make_unique<Listener>();
    listener->owner = this;
    listener->socket = fd;
    listeners_.push_back(std::move(listener));
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (address.family == AF_INET6)
      ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    if (::bind(fd, address.sockaddr(), address.length) < 0) {
      const int error = errno;
      throw std::system_error(
          error, std::system_category(),
          "error while attempting to bind on address (port " +
              std::to_string(port) + ")");
    }
    if (::listen(fd, backlog_) < 0)
      throw_os_error(errno, "listen");
  }
  if (listeners_.empty())
    throw std::system_error(EADDRNOTAVAIL, std::system_category(),
                            "start_server: no address to bind");
}

void ServerCore::start_serving() {
  if (serving_ || closed_)
    return;
  serving_ = true;
  for (auto &listener : listeners_) {
    if (listener->fd() < 0)
      listener->open(listener->socket);
    listener->want_read(true);
  }
}

int ServerCore::port() const noexcept {
  if (listeners_.empty())
    return 0;
  sockaddr_storage storage{};
  socklen_t length = sizeof storage;
  if (::getsockname(listeners_.front()->socket,
                    reinterpret_cast<sockaddr *>(&storage), &length) < 0)
    return 0;
  if (storage.ss_family == AF_INET)
    return ntohs(reinterpret_cast<sockaddr_in &>(storage).sin_port);
  if (storage.ss_family == AF_INET6)
    return ntohs(reinterpret_cast<sockaddr_in6 &>(storage).sin6_port);
  return 0;
}

void ServerCore::accept(Listener &listener) {
  for (int i = 0; i < backlog_; ++i) { // as asyncio: up to backlog at a time
    const int fd = ::accept4(listener.socket, nullptr, nullptr,
                             SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      const int error = errno;
      if (error == EAGAIN || error == EWOULDBLOCK || error == EINTR ||
          error == ECONNABORTED)
        return;
      if (error == EMFILE || error == ENFILE || error == ENOBUFS ||
          error == ENOMEM) {
        // Out of descriptors: stop accepting for a second (asyncio's
        // ACCEPT_RETRY_DELAY), then go on.
        std::fprintf(stderr, "awaitc: socket.accept() out of system "
                             "resource; retrying in 1 second\n");
        for (auto &other : listeners_)
          other->want_read(false);
        serving_ = false;
        std::weak_ptr<ServerCore> weak = weak_from_this();
        retry_ = call_later(1.0, [weak] {
          if (auto self = weak.lock())
            self->start_serving();
        });
        return;
      }
      return; // another error of this connection: asyncio logs it
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto core = std::make_shared<StreamCore>(fd, StreamCore::Kind::Socket,
                                             limit_);
    auto *connection = new Connection;
    connection->server = shared_from_this();
    core->set_lost_listener(connection);
    ++active_;
    StreamHandle handle = StreamHandle::make(core);
    core->start_reading();
    // The handler's task; its handle goes, the loop keeps the task.
    Task<void> task = create_task(handler_(StreamAccess::reader(handle),
                                           StreamAccess::writer(handle)));
    (void)task;
  }
}

void ServerCore::detach() noexcept {
  --active_;
  if (active_ == 0 && closed_)
    wakeup();
}

void ServerCore::wakeup() noexcept {
  if (woken_)
    return;
  woken_ = true;
  for (Future<void> &waiter : waiters_)
    if (!waiter.done())
      waiter.set_result();
  waiters_.clear();
}

void ServerCore::close_sockets() noexcept {
  for (auto &listener : listeners_) {
    listener->close();
    if (listener->socket >= 0)
      ::close(listener->socket);
    listener->socket = -1;
  }
  listeners_.clear();
}

void ServerCore::close() {
  if (closed_)
    return;
  closed_ = true;
  serving_ = false;
  retry_.cancel();
  close_sockets();
  if (serving_forever_ && !serving_forever_->done())
    serving_forever_->cancel();
  if (active_ == 0)
    wakeup();
}

std::optional<Future<void>> ServerCore::closed_waiter() {
  if (closed_ || woken_)
    return std::nullopt; // 3.11: returns at once once the sockets are gone
  Future<void> waiter;
  waiters_.push_back(waiter);
  return waiter;
}

Future<void> ServerCore::begin_serving_forever() {
  if (serving_forever_)
    throw std::logic_error(
        "awaitc: server is already being awaited on serve_forever()");
  if (closed_)
    throw std::logic_error("awaitc: server is closed");
  start_serving();
  serving_forever_.emplace();
  return *serving_forever_;
}

namespace {

// wait_closed(): wait for the future, or nothing.
class WaitClosedAwaiter final {
public:
  explicit WaitClosedAwaiter(std::shared_ptr<ServerCore> core)
      : core_(std::move(core)) {}
  WaitClosedAwaiter(const WaitClosedAwaiter &) = delete;
  bool await_ready() {
    std::optional<Future<void>> future = core_->closed_waiter();
    if (!future)
      return true;
    inner_.emplace(*future);
    return inner_->await_ready();
  }
  bool await_suspend(Frame &frame) { return inner_->await_suspend(frame); }
  void await_resume() {
    if (inner_)
      inner_->await_resume();
  }

private:
  std::shared_ptr<ServerCore> core_;
  std::optional<FutureAwaiter<void, false>> inner_;
};

// serve_forever(): wait on the future that close() or a cancellation
// cancels; then close the server and throw CancelledError.
class ServeForeverAwaiter final {
public:
  explicit ServeForeverAwaiter(std::shared_ptr<ServerCore> core)
      : core_(std::move(core)) {}
  ServeForeverAwaiter(const ServeForeverAwaiter &) = delete;
  ~ServeForeverAwaiter() {
    if (inner_)
      core_->end_serving_forever();
  }
  bool await_ready() {
    inner_.emplace(core_->begin_serving_forever());
    return inner_->await_ready();
  }
  bool await_suspend(Frame &frame) { return inner_->await_suspend(frame); }
  void await_resume() {
    core_->end_serving_forever();
    struct Closer {
      ServerCore &core;
      ~Closer() {
        try {
          core.close();
        } catch (...) {
        }
      }
    } closer{*core_};
    inner_->await_resume();
  }

private:
  std::shared_ptr<ServerCore> core_;
  std::optional<FutureAwaiter<void, false>> inner_;
};

// start_server: resolve, bind, listen, start serving, then one sleep(0)
// ("skip one loop iteration so that all add_reader calls go through").
class StartServerAwaiter final : public Waiter, private LoopCallback {
public:
  StartServerAwaiter(ClientConnected handler, std::string host, int port,
                     std::size_t limit, int backlog)
      : resolver_(std::move(host), port, /*passive=*/true), port_(port),
        core_(std::make_shared<ServerCore>(std::move(handler), limit,
                                           backlog > 0 ? backlog : 100)) {}
  StartServerAwaiter(const StartServerAwaiter &) = delete;

  bool await_ready() {
    if (resolver_.resolve_now())
      bind();
    return error_ != nullptr;
  }
  bool await_suspend(Frame &frame) {
    suspend(frame);
    if (!resolver_.done())
      resolver_.start([this] { wake(); });
    else
      detail::enqueue(EventLoop::current(), *this);
    return true;
  }
  Server await_resume() {
    if (cancelled_)
      throw CancelledError();
    resume_or_throw();
    if (error_)
      std::rethrow_exception(error_);
    return ServerAccess::make(std::move(core_));
  }

private:
  void bind() noexcept {
    try {
      if (resolver_.error())
        std::rethrow_exception(resolver_.error());
      core_->listen(resolver_.addresses(), port_);
      core_->start_serving();
      bound_ = true;
    } catch (...) {
      error_ = std::current_exception();
      core_->close();
    }
  }
  void run() override { wake(); }
  bool cancel() noexcept override {
    if (resolver_.pending())
      resolver_.cancel();
    else if (queued())
      unlink();
    else
      return false;
    wake_cancelled();
    return true;
  }
  bool on_step(Frame &frame) noexcept override {
    if (take_cancellation()) {
      cancelled_ = true;
      core_->close();
      return true;
    }
    if (bound_ || error_)
      return true;
    bind(); // resolved
    if (error_)
      return true;
    suspend(frame);
    detail::enqueue(EventLoop::current(), *this);
    return false;
  }

  Resolver resolver_;
  int port_;
  std::shared_ptr<ServerCore> core_;
  std::exception_ptr error_;
  bool bound_ = false;
  bool cancelled_ = false;
};

} // namespace
} // namespace detail

Server ServerAccess::make(std::shared_ptr<detail::ServerCore> core) {
  Server server;
  std::weak_ptr<detail::ServerCore> weak = core;
  server.user_ = std::shared_ptr<void>(nullptr, [weak](void *) {
    if (auto core = weak.lock()) {
      try {
        core->close();
      } catch (...) {
      }
    }
  });
  server.core_ = std::move(core);
  return server;
}

int Server::port() const noexcept { return core_ ? core_->port() : 0; }

bool Server::is_serving() const noexcept { return core_ && core_->serving(); }

void Server::close() {
  if (core_)
    core_->close();
}

Coro<void> Server::wait_closed() {
  return detail::awaiter_coro<void, detail::WaitClosedAwaiter>(
      "Server::wait_closed", core_);
}

Coro<void> Server::serve_forever() {
  return detail::awaiter_coro<void, detail::ServeForeverAwaiter>(
      "Server::serve_forever", core_);
}

Coro<Server> start_server(ClientConnected handler, std::string host, int port,
                          std::size_t limit, int backlog) {
  return detail::awaiter_coro<Server, detail::StartServerAwaiter>(
      "start_server", std::move(handler), std::move(host), port, limit,
      backlog);
}

} // namespace awaitc
