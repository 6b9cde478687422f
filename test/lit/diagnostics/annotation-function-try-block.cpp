// AWAITC_ASYNC on a function whose body is a function-try-block: the lowering
// rewrites the body into a state machine and has no place for handlers
// around the whole body.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> f() try {
  // CHECK: annotation-function-try-block.cpp:[[@LINE-1]]:36: error: AWAITC_ASYNC function cannot have a function-try-block; put a try block inside the body instead
  return AWAIT(v(1));
} catch (...) {
  return 0;
}
// CHECK: 1 error generated.
