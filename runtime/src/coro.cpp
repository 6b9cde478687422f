//===- coro.cpp - reports of coroutines never awaited ---------------------===//
//
// See awaitc/coro.h.
//
//===----------------------------------------------------------------------===//

#include <awaitc/coro.h>

#include <cstdio>

namespace awaitc {
namespace detail {

void report_never_awaited(const char *name) noexcept {
  // asyncio: "RuntimeWarning: coroutine 'name' was never awaited".
  if (name)
    std::fprintf(stderr,
                 "awaitc: RuntimeWarning: coroutine '%s' was never awaited\n",
                 name);
  else
    std::fprintf(stderr,
                 "awaitc: RuntimeWarning: a coroutine was never awaited\n");
}

} // namespace detail
} // namespace awaitc
