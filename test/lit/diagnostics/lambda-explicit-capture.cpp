// A lambda that captures by name a local living across a suspension: the
// local becomes a frame member, which only an implicit [&] capture reaches
// (through the captured this of the frame).
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> f() {
  int n = 1;
  AWAIT(v(1));
  auto add = [n](int x) { return x + n; };
  // CHECK: lambda-explicit-capture.cpp:[[@LINE-1]]:15: error: a lambda capturing 'n', which lives across a suspension, must capture it implicitly by reference ([&]) for now
  return add(2);
}
// CHECK: 1 error generated.
