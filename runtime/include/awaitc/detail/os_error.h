// awaitc/detail/os_error.h - errno to the exceptions of errors.h.
#pragma once

#include <awaitc/errors.h>

#include <exception>

namespace awaitc {
namespace detail {

// The exception for `error` (an errno value): ConnectionRefusedError,
// ConnectionResetError, ConnectionAbortedError or BrokenPipeError where
// Python has one, otherwise std::system_error. `what` names the call.
std::exception_ptr os_error(int error, const char *what);
[[noreturn]] void throw_os_error(int error, const char *what);

} // namespace detail
} // namespace awaitc
