// AWAIT inside a GNU statement expression: statements inside an expression
// cannot be re-entered after a suspension.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> f() {
  int x = ({ AWAIT(v(1)); });
  // CHECK: statement-expression.cpp:[[@LINE-1]]:11: error: awaitc cannot transform a suspension here
  return x;
}
// CHECK: 1 error generated.
