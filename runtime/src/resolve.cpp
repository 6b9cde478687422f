//===- resolve.cpp - host names to addresses, off the loop's thread -------===//
//
// See awaitc/detail/resolve.h.
//
//===----------------------------------------------------------------------===//

#include <awaitc/detail/resolve.h>

#include <cstring>
#include <string>
#include <system_error>

#include <netdb.h>

namespace awaitc {
namespace detail {

namespace {

class GaiCategory final : public std::error_category {
public:
  const char *name() const noexcept override { return "getaddrinfo"; }
  std::string message(int code) const override { return ::gai_strerror(code); }
};

const std::error_category &gai_category() {
  static const GaiCategory category;
  return category;
}

// Runs getaddrinfo; fills `out` or returns the error.
std::exception_ptr lookup(const std::string &host, int port, bool passive,
                          bool numeric, std::vector<Address> &out,
                          bool *not_numeric) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0) |
                   (numeric ? AI_NUMERICHOST : 0);
  const std::string service = std::to_string(port);
  addrinfo *list = nullptr;
  const int result = ::getaddrinfo(host.empty() ? nullptr : host.c_str(),
                                   service.c_str(), &hints, &list);
  if (result != 0) {
    if (numeric && result == EAI_NONAME && not_numeric) {
      *not_numeric = true;
      return nullptr;
    }
    return std::make_exception_ptr(std::system_error(
        result, gai_category(), "getaddrinfo(" + host + ")"));
  }
  for (addrinfo *info = list; info; info = info->ai_next) {
    Address address;
    address.family = info->ai_family;
    address.length = info->ai_addrlen;
    std::memcpy(&address.storage, info->ai_addr, info->ai_addrlen);
    out.push_back(address);
  }
  ::freeaddrinfo(list);
  return nullptr;
}

} // namespace

class Resolver::Job final : public WorkerJob {
public:
  Job(std::string host, int port, bool passive)
      : host(std::move(host)), port(port), passive(passive) {}
  void work() noexcept override {
    try {
      error = lookup(host, port, passive, false, addresses, nullptr);
    } catch (...) {
      error = std::current_exception();
    }
  }
  std::string host;
  int port;
  bool passive;
  std::vector<Address> addresses;
  std::exception_ptr error;
};

Resolver::Resolver(std::string host, int port, bool passive)
    : host_(std::move(host)), port_(port), passive_(passive) {}

bool Resolver::resolve_now() noexcept {
  if (port_ < 0 || port_ > 65535) {
    error_ = std::make_exception_ptr(
        std::out_of_range("awaitc: port must be 0-65535"));
    done_ = true;
    return true;
  }
  bool not_numeric = false;
  try {
    error_ = lookup(host_, port_, passive_, true, addresses_, &not_numeric);
  } catch (...) {
    error_ = std::current_exception();
  }
  if (not_numeric)
    return false;
  done_ = true;
  return true;
}

void Resolver::start(std::function<void()> done) {
  auto job = std::make_unique<Job>(host_, port_, passive_);
  job->listen(this);
  submit_job(EventLoop::current(), job.get());
  job_ = job.release();
  on_done_ = std::move(done);
}

void Resolver::cancel() noexcept {
  if (job_) {
    job_->cancel();
    job_ = nullptr;
  }
}

void Resolver::on_job_done() noexcept {
  addresses_ = std::move(job_->addresses);
  error_ = job_->error;
  job_ = nullptr;
  done_ = true;
  if (on_done_)
    on_done_();
}

} // namespace detail
} // namespace awaitc
