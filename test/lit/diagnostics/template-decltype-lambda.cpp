// In a function template, a lambda whose type awaitc would have to spell
// with decltype, where a lambda cannot appear before C++20. Such a lambda
// moves out of the body into a factory whose call stands in for it
// (functions/template-lambdas-in-named-types.cpp); one that cannot move
// (it uses a static local) is an error.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

template <class T> AWAITC_ASYNC awaitc::Coro<int> uses_static(T p) {
  static int calls = 0;
  return AWAIT(v([&] { return p + calls; }()));
  // CHECK: template-decltype-lambda.cpp:[[@LINE-1]]:35: error: in a template, the type of the expression holding this lambda is named with decltype, which cannot hold a lambda in C++17, so awaitc must move it out of the function body, where it could not use the static local 'calls'
  // CHECK: template-decltype-lambda.cpp:[[@LINE-2]]:18: note: the lambda is here
}

int main() {
  return awaitc::run(uses_static(1));
}
// CHECK-NOT: error:
// CHECK: 1 error generated.
