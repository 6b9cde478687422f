// YIELD used as an operand: it has no value, and a generator suspends only
// where a YIELD statement stands. YIELD expands to a return statement (so
// that its operand is checked against the generator's type), which the
// parser rejects in an expression.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_GENERATOR awaitc::Generator<int> g() {
  int next = (YIELD(1), 2);
  // CHECK: yield-in-expression.cpp:[[@LINE-1]]:15: error: expected expression
  YIELD(next);
}
// CHECK: 1 error generated.
