// The header both translation units include. step() is an annotated inline
// coroutine: awaitc transforms this header too (awaitc_target_sources lists
// it), every translation unit includes the transformed header, and the
// linker keeps one definition of step() and of total_steps.
#pragma once
#include <awaitc/awaitc.h>

#include <cstdio>

inline int total_steps = 0;

AWAITC_ASYNC inline awaitc::Coro<int> step(const char *who, int n) {
  ++total_steps;
  std::printf("%s: step %d\n", who, n);
  AWAIT(awaitc::sleep(0)); // let the other tasks run
  return n + 1;
}

// Defined in worker.cpp.
awaitc::Coro<int> worker(const char *name, int steps);
