// awaitc/errors.h - the exceptions of the runtime, as asyncio's.
//
// CancelledError is thrown at the suspension point of a cancelled task. Like
// asyncio's (a BaseException), it does not derive from std::exception, so
// `catch (const std::exception&)` in user code does not swallow cancellation;
// catch it by name (or with `catch (...)` and rethrow) to clean up.
//
// The other errors derive from std::exception through std::runtime_error,
// or, for the operating system's errors, std::system_error.
#pragma once

#include <stdexcept>
#include <system_error>

namespace awaitc {

class CancelledError {
public:
  const char *what() const noexcept { return "awaitc::CancelledError"; }
};

// An operation ran out of time (wait_for).
class TimeoutError : public std::runtime_error {
public:
  TimeoutError() : std::runtime_error("awaitc::TimeoutError") {}
  using std::runtime_error::runtime_error;
};

// An operation is not allowed in the object's current state, e.g. asking an
// unfinished task for its result.
class InvalidStateError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Errors of the operating system (I/O, subprocesses) are std::system_error
// with the errno value in code() (std::system_category()); those that Python
// names are these subclasses, as asyncio raises them (ConnectionError and its
// subclasses are OSError's there).
class ConnectionError : public std::system_error {
public:
  using std::system_error::system_error;
};
class ConnectionRefusedError : public ConnectionError {
public:
  using ConnectionError::ConnectionError;
};
class ConnectionResetError : public ConnectionError {
public:
  using ConnectionError::ConnectionError;
};
class ConnectionAbortedError : public ConnectionError {
public:
  using ConnectionError::ConnectionError;
};
class BrokenPipeError : public ConnectionError {
public:
  using ConnectionError::ConnectionError;
};

} // namespace awaitc
