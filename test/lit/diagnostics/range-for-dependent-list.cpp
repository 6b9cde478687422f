// A range-for over a braced list whose type depends on a template parameter
// (a pack expansion, a dependent element), with a body that suspends: the
// frame would hold the list's array, whose element type and length are
// known only in instantiations.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

template <class... Ts> AWAITC_ASYNC awaitc::Coro<int> f(Ts... xs) {
  int s = 0;
  for (int x : {xs...})
    // CHECK: range-for-dependent-list.cpp:[[@LINE-1]]:16: error: awaitc cannot keep a braced list whose type depends on a template parameter across a suspension in the loop; store the elements in a std::array or a container first
    s += AWAIT(v(x));
  return s;
}

template <class T> AWAITC_ASYNC awaitc::Coro<int> g(T a, T b) {
  int s = 0;
  for (T x : {a, b})
    // CHECK: range-for-dependent-list.cpp:[[@LINE-1]]:14: error: awaitc cannot keep a braced list whose type depends on a template parameter across a suspension in the loop; store the elements in a std::array or a container first
    s += AWAIT(v(x));
  return s;
}
// CHECK: 2 errors generated.
