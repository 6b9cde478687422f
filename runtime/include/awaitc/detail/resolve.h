// awaitc/detail/resolve.h - host names to socket addresses without blocking
// the loop: a numeric address at once, a name by getaddrinfo on a worker
// thread (asyncio's _ensure_resolved and loop.getaddrinfo). Errors are
// std::system_error of the "getaddrinfo" category (asyncio's socket.gaierror).
#pragma once

#include <awaitc/detail/thread_pool.h>

#include <exception>
#include <functional>
#include <string>
#include <vector>

#include <sys/socket.h>

namespace awaitc {
namespace detail {

struct Address {
  int family = AF_UNSPEC;
  sockaddr_storage storage{};
  socklen_t length = 0;
  const ::sockaddr *sockaddr() const noexcept {
    return reinterpret_cast<const ::sockaddr *>(&storage);
  }
};

class Resolver final : private JobListener {
public:
  // `passive`: addresses to bind (an empty host: every interface).
  Resolver(std::string host, int port, bool passive);
  Resolver(const Resolver &) = delete;
  ~Resolver() { cancel(); }

  // Resolves a numeric host (or an empty one) at once: true if done.
  bool resolve_now() noexcept;
  // Resolves on a worker thread; `done` is called on the loop when the
  // result is there.
  void start(std::function<void()> done);
  void cancel() noexcept;
  bool pending() const noexcept { return job_ != nullptr; }
  bool done() const noexcept { return done_; }

  const std::vector<Address> &addresses() const noexcept { return addresses_; }
  std::exception_ptr error() const noexcept { return error_; }

private:
  class Job;
  void on_job_done() noexcept override;

  std::string host_;
  int port_;
  bool passive_;
  bool done_ = false;
  Job *job_ = nullptr;
  std::function<void()> on_done_;
  std::vector<Address> addresses_;
  std::exception_ptr error_;
};

} // namespace detail
} // namespace awaitc
