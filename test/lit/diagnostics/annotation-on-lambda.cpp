// An annotated lambda (written after its parameter list, the annotation
// belongs to the call operator) is not transformed yet: the annotation is
// the one error, wherever the lambda stands, and the markers in its body
// are not reported again. A named async function that the lambda calls is
// the way to do it today.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck --implicit-check-not=error: %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

int main() {
  auto add_one = [](int x) AWAITC_ASYNC -> awaitc::Coro<int> {
    // CHECK: annotation-on-lambda.cpp:[[@LINE-1]]:28: error: AWAITC_ASYNC cannot be applied to a lambda yet; use a named function (a lambda may return a call of one)
    return AWAIT(later(x)) + 1;
  };
  return awaitc::run(add_one(1));
}

AWAITC_ASYNC awaitc::Coro<int> outer() {
  auto count = [n = 0]() AWAITC_GENERATOR mutable -> awaitc::Generator<int> {
    // CHECK: annotation-on-lambda.cpp:[[@LINE-1]]:26: error: AWAITC_GENERATOR cannot be applied to a lambda yet
    YIELD(++n);
  };
  for (int v : count())
    AWAIT(awaitc::sleep(v));
  return 0;
}
// CHECK: 2 errors generated.
