// AWAIT in GNU 'a ?: b' (no middle operand): a is evaluated once and used
// as the result, which the lowering of ?: does not model.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> f(int cached) {
  return cached ?: AWAIT(v(1));
  // CHECK: gnu-conditional.cpp:[[@LINE-1]]:10: error: AWAIT in a GNU '?:' without a middle operand is not supported
}
// CHECK: 1 error generated.
