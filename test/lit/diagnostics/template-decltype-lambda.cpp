// In a function template, a lambda in an expression evaluated before a
// suspension: awaitc spells the type of the kept value with decltype, and a
// lambda cannot appear in decltype before C++20.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

template <class T> AWAITC_ASYNC awaitc::Coro<int> f(T p) {
  return AWAIT(v([&] { return p; }()));
  // CHECK: template-decltype-lambda.cpp:[[@LINE-1]]:16: error: in a template, awaitc names this type with decltype, which cannot hold a lambda in C++17; store the lambda in a variable first
}
// CHECK: 1 error generated.
