// Annotated lambdas awaitc cannot transform yet: one inside a lambda within
// an annotated function (the inner transformation would have to be spliced
// into the outer lambda's text) and a generic one (see also annotated-lambda-captures.cpp). The markers
// in a rejected body are not reported again; nothing is written.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck --implicit-check-not=error: %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<int> outer() {
  auto wrap = [] {
    return []() AWAITC_GENERATOR -> awaitc::Generator<int> {
      // CHECK: annotation-on-lambda.cpp:[[@LINE-1]]:17: error: AWAITC_GENERATOR cannot be applied to a lambda inside a lambda within an annotated function yet
      YIELD(1);
    };
  };
  for (int v : wrap()())
    AWAIT(awaitc::sleep(v));
  return 0;
}

auto generic = [](auto x) AWAITC_ASYNC -> awaitc::Coro<int> {
  // CHECK: annotation-on-lambda.cpp:[[@LINE-1]]:27: error: AWAITC_ASYNC cannot be applied to a generic lambda yet; give its parameters types
  return AWAIT(later(x));
};

// CHECK: 2 errors generated.
