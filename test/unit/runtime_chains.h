// runtime_chains.h - a chain of hand-written frames awaiting each other, as
// `return 1 + AWAIT(nested(depth - 1));` compiles to, for the tests of
// deep chains (runtime_chain_test.cpp, runtime_scale_test.cpp).
#pragma once

#include "runtime_frames.h"

#include <awaitc/awaitc.h>

#include <cstdint>
#include <stdexcept>

namespace awaitc_test {

// An awaitable that suspends its frame and never resumes it: drives a chain
// without a task or a loop.
struct Forever {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(awaitc::detail::FrameBase &) noexcept { return true; }
  void await_resume() noexcept {}
};

// Lowest and highest stack address seen by the frames' steps.
struct StackSpan {
  std::uintptr_t low = UINTPTR_MAX;
  std::uintptr_t high = 0;
  void see(const void *address) {
    auto a = reinterpret_cast<std::uintptr_t>(address);
    low = a < low ? a : low;
    high = a > high ? a : high;
  }
  std::uintptr_t size() const { return high - low; }
};

// async def nested(depth):
//     if depth == 0: <at the bottom>; return 0
//     return 1 + await nested(depth - 1)
enum class Bottom { Return, Sleep, LongSleep, Throw, Forever };

inline awaitc::Coro<int> nested(int depth, Bottom bottom,
                                StackSpan *span = nullptr) {
  return coro<int>([depth, bottom, span, child = Await<awaitc::Coro<int>>(),
                    s = Await<awaitc::SleepAwaiter>(),
                    never = Await<Forever>()](auto &f) mutable {
    int here = 0; // where this step's locals are on the C stack
    if (span)
      span->see(&here);
    switch (f.state()) {
    case 0:
      if (depth == 0) {
        if (bottom == Bottom::Throw)
          throw std::runtime_error("bottom");
        if (bottom == Bottom::Sleep && f.await(2, s, awaitc::sleep(0)))
          return;
        if (bottom == Bottom::LongSleep && f.await(2, s, awaitc::sleep(1000)))
          return;
        if (bottom == Bottom::Forever && f.await(3, never, Forever()))
          return;
        f.return_value(0);
        return;
      }
      if (f.await(1, child, nested(depth - 1, bottom, span)))
        return;
      [[fallthrough]];
    case 1:
      f.return_value(1 + child.resume());
      return;
    case 2:
      s.resume();
      f.return_value(0);
      return;
    case 3:
      never.resume();
      f.return_value(0);
      return;
    }
  });
}

} // namespace awaitc_test
