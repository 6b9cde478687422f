// A structured binding living across a suspension in a template, where the
// initializer is dependent: Clang does not say yet whether each name denotes
// a member, an element or get<i>, which is what awaitc rewrites it to.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

template <class Pair> AWAITC_ASYNC awaitc::Coro<int> sum(Pair pair) {
  auto [first, second] = pair;
  // CHECK: structured-binding-unknown.cpp:[[@LINE-1]]:9: error: awaitc cannot tell what this structured binding refers to, so it cannot live across a suspension
  AWAIT(v(1));
  return first + second;
}
// CHECK: 1 error generated.
