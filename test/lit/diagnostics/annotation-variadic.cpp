// AWAITC_ASYNC on a C-style variadic function: a va_list cannot outlive the
// call, and the body goes on running after the call has returned.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> sum(int n, ...) {
  // CHECK: annotation-variadic.cpp:[[@LINE-1]]:32: error: AWAITC_ASYNC cannot be applied to a C-style variadic function
  return AWAIT(v(n));
}
// CHECK: 1 error generated.
