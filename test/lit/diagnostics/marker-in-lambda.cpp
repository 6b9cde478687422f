// A marker inside a lambda within an annotated body: the lambda is not the
// coroutine and cannot suspend it.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> f() {
  auto lambda = [](int y) { return y + AWAIT(v(1)); };
  // CHECK: marker-in-lambda.cpp:[[@LINE-1]]:40: error: AWAIT cannot appear inside a lambda within an annotated function; only the annotated function's own body may suspend
  return lambda(1);
}
// CHECK: 1 error generated.
