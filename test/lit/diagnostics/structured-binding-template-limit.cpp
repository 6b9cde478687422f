// A structured binding kept across a suspension in a template, with an
// initializer that depends on a template parameter, is named through a
// runtime helper written for 1 to 16 names; more is an error at the
// binding, and no output is written. 16 names are fine. A binding that
// names a bit-field in an instantiation is an error too: the helper returns
// a reference, which cannot refer to a bit-field.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

struct Sixteen {
  int a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p;
};
struct Seventeen {
  int a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q;
};

template <class S> AWAITC_ASYNC awaitc::Coro<int> sixteen(S s) {
  auto [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p] = s;
  AWAIT(v(1));
  return a + p;
}

template <class S> AWAITC_ASYNC awaitc::Coro<int> seventeen(S s) {
  auto [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q] = s;
  // CHECK: structured-binding-template-limit.cpp:[[@LINE-1]]:8: error: awaitc keeps a structured binding of at most 16 names across a suspension in a template
  AWAIT(v(1));
  return a + q;
}

struct Bits {
  int low : 4;
  int high : 4;
};

template <class S> AWAITC_ASYNC awaitc::Coro<int> bits(S s) {
  auto [low, high] = s;
  // CHECK: structured-binding-template-limit.cpp:[[@LINE-1]]:8: error: awaitc cannot keep a structured binding of a bit-field ('low' in an instantiation) across a suspension in a template; copy the bit-field to a variable first
  AWAIT(v(1));
  return low + high;
}

int use() {
  return awaitc::run(sixteen(Sixteen{})) + awaitc::run(seventeen(Seventeen{})) +
         awaitc::run(bits(Bits{1, 2}));
}
// CHECK-NOT: error:
// CHECK: 2 errors generated.
