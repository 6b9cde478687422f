// A marker (AWAIT, YIELD) in a function that is not annotated: exit 1, the
// error at the marker, no output file.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

int plain() {
  int x = 1 + AWAIT(v(1));
  return x;
}
// CHECK: marker-outside-annotated.cpp:[[@LINE-3]]:15: error: AWAIT can only be used in the body of a function annotated with AWAITC_ASYNC
// CHECK-NEXT: {{^}}   11 |   int x = 1 + AWAIT(v(1));
// CHECK-NEXT: {{^}}      |               ^

void plain_yield() {
  YIELD(1);
  // CHECK: marker-outside-annotated.cpp:[[@LINE-1]]:3: error: YIELD can only be used in the body of a function annotated with AWAITC_GENERATOR
}
// CHECK: 2 errors generated.
