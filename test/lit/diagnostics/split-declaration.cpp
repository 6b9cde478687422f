// A declaration that defines a type and a variable of it, where the variable
// lives across a suspension: the variable becomes a frame member, so the
// declaration would have to be re-emitted variable by variable.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

void use(int);

AWAITC_ASYNC awaitc::Coro<void> f() {
  struct Point { int x, y; } p{1, 2};
  // CHECK: split-declaration.cpp:[[@LINE-1]]:10: error: awaitc cannot split this declaration; declare the type separately from the variables
  AWAIT(v(1));
  use(p.x + p.y);
}
// CHECK: 1 error generated.
