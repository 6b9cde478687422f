// What C++20 coroutines cannot express is an error with --emit=cxx20 (and
// no output), at the construct; the same source is fine for the state
// machines.
// RUN: rm -f %t.out
// RUN: %python %S/../diagnostics/Inputs/expect_exit.py 1 %awaitc --emit=cxx20 %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck --implicit-check-not=error: %s
// RUN: not test -e %t.out
// RUN: %awaitc %s -o %t.sm.cpp -- -std=c++17 -I%awaitc-include
#include <awaitc/awaitc.h>

#include <stdexcept>

AWAITC_ASYNC awaitc::Coro<int> one() { return 1; }

AWAITC_ASYNC awaitc::Coro<int> in_handler() {
  try {
    throw std::runtime_error("x");
  } catch (const std::exception &) {
    try {
      return AWAIT(one());
      // CHECK: not-expressible.cpp:[[@LINE-1]]:14: error: AWAIT cannot be used in a catch handler with --emit=cxx20: C++20 does not allow co_await in a handler; catch the exception, leave the handler, then suspend
    } catch (...) {
    }
  }
  // A handler of a try block that suspends is fine.
  try {
    AWAIT(one());
  } catch (...) {
    return 2;
  }
  return 0;
}

AWAITC_GENERATOR awaitc::Generator<int> yield_in_handler() {
  try {
    throw 1;
  } catch (const int &v) {
    YIELD(v);
    // CHECK: not-expressible.cpp:[[@LINE-1]]:5: error: YIELD cannot be used in a catch handler with --emit=cxx20: C++20 does not allow co_yield in a handler; catch the exception, leave the handler, then suspend
  }
}

AWAITC_ASYNC awaitc::Coro<int> static_local() {
  static int once = AWAIT(one());
  // CHECK: not-expressible.cpp:[[@LINE-1]]:21: error: AWAIT cannot be used in the initializer of a static local variable with --emit=cxx20: C++20 does not allow co_await there
  return once;
}

int main() {
  int base = 1;
  auto captures = [base](int x) AWAITC_ASYNC -> awaitc::Coro<int> {
    // CHECK: not-expressible.cpp:[[@LINE-1]]:19: error: AWAITC_ASYNC lambda that captures cannot be emitted with --emit=cxx20: a C++20 coroutine's captures live in the lambda object, which may die while it is suspended; pass them as parameters
    return base + AWAIT(one()) + x;
  };
  // Without captures a lambda is a coroutine like any function.
  auto plain = [](int x) AWAITC_ASYNC -> awaitc::Coro<int> {
    return AWAIT(one()) + x;
  };
  return awaitc::run(captures(1)) + awaitc::run(plain(1));
}
// CHECK: 4 errors generated.
