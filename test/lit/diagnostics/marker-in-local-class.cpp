// A marker inside a member function of a local class within an annotated
// body.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> f() {
  struct Local {
    int get() { return AWAIT(v(2)); }
    // CHECK: marker-in-local-class.cpp:[[@LINE-1]]:24: error: AWAIT cannot appear inside a local class within an annotated function; only the annotated function's own body may suspend
  };
  return Local().get();
}
// CHECK: 1 error generated.
