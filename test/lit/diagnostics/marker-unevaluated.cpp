// Markers in unevaluated operands: sizeof, alignof, decltype, noexcept, and
// typeid of a non-polymorphic operand.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

#include <typeinfo>

AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> f() {
  int a = sizeof(AWAIT(v(1)));
  // CHECK: marker-unevaluated.cpp:[[@LINE-1]]:18: error: AWAIT cannot appear in an unevaluated operand (sizeof or alignof)
  decltype(AWAIT(v(2))) b = 2;
  // CHECK: marker-unevaluated.cpp:[[@LINE-1]]:12: error: AWAIT cannot appear in an unevaluated operand (decltype)
  bool c = noexcept(AWAIT(v(3)));
  // CHECK: marker-unevaluated.cpp:[[@LINE-1]]:21: error: AWAIT cannot appear in an unevaluated operand (noexcept)
  const char *d = typeid(AWAIT(v(4))).name();
  // CHECK: marker-unevaluated.cpp:[[@LINE-1]]:26: error: AWAIT cannot appear in an unevaluated operand (typeid)
  return a + b + c + (d != nullptr);
}
// CHECK: 4 errors generated.
