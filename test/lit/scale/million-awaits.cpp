// At scale: a 1,000,000-deep chain of coroutines awaiting each other, and
// 1,000,000 AWAITs in a row in one body, built at -O0 and -O2 with both
// compilers. Awaiting must not grow the C stack (the runtime runs chains of
// frames with a trampoline): the old protocol crashed between depth 10,000
// and 30,000. Also the chain with an exception thrown at the bottom and
// caught at the top, the chain suspended at the bottom while other tasks
// run, and the chain cancelled while suspended at the bottom.
// Not in the sanitizer build, where a million-deep throw takes minutes; the
// runtime.scale unit tests run there.
// UNSUPPORTED: sanitize
// RUN: %run-both --out %t.O0 --cxxflag=-O0 %s | FileCheck --match-full-lines %s
// RUN: %run-both --out %t.O2 --cxxflag=-O2 %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>

constexpr int kMillion = 1000000;

AWAITC_ASYNC awaitc::Coro<int> rec(int depth) {
  if (depth == 0)
    return 0;
  return 1 + AWAIT(rec(depth - 1));
}

AWAITC_ASYNC awaitc::Coro<int> throws_at_bottom(int depth) {
  if (depth == 0)
    throw std::runtime_error("bottom");
  return 1 + AWAIT(throws_at_bottom(depth - 1));
}

// Sleeps at the bottom: the whole chain is suspended in its task.
AWAITC_ASYNC awaitc::Coro<int> sleeps_at_bottom(int depth, double seconds) {
  if (depth == 0) {
    AWAIT(awaitc::sleep(seconds));
    return 0;
  }
  return 1 + AWAIT(sleeps_at_bottom(depth - 1, seconds));
}

AWAITC_ASYNC awaitc::Coro<int> one() { return 1; }

AWAITC_ASYNC awaitc::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("depth %d\n", AWAIT(rec(kMillion)));
  // CHECK: depth 1000000

  long total = 0;
  for (int i = 0; i < kMillion; ++i)
    total += AWAIT(one());
  std::printf("sequential %ld\n", total);
  // CHECK-NEXT: sequential 1000000

  try {
    AWAIT(throws_at_bottom(kMillion));
  } catch (const std::runtime_error &error) {
    std::printf("caught %s\n", error.what());
  }
  // CHECK-NEXT: caught bottom

  awaitc::Task<void> ticking = awaitc::create_task(ticker(3));
  std::printf("suspended chain %d\n", AWAIT(sleeps_at_bottom(kMillion, 0)));
  AWAIT(ticking);
  // CHECK-NEXT: tick 0
  // CHECK-NEXT: suspended chain 1000000
  // CHECK-NEXT: tick 1
  // CHECK-NEXT: tick 2

  awaitc::Task<int> chain = awaitc::create_task(sleeps_at_bottom(kMillion, 100));
  AWAIT(awaitc::sleep(0));
  chain.cancel();
  try {
    AWAIT(chain);
  } catch (const awaitc::CancelledError &) {
    std::printf("cancelled %d\n", chain.cancelled());
  }
  // CHECK-NEXT: cancelled 1
}

int main() {
  awaitc::RunOptions options;
  options.virtual_time = true;
  awaitc::run(main_coro(), options);
}
