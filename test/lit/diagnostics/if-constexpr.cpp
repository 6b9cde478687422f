// A marker inside 'if constexpr': the discarded branch of an instantiation
// is never instantiated, so the lowering cannot transform it.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

template <bool Wait> AWAITC_ASYNC awaitc::Coro<int> f() {
  if constexpr (Wait) {
  // CHECK: if-constexpr.cpp:[[@LINE-1]]:3: error: AWAIT or YIELD inside 'if constexpr' is not supported
    return AWAIT(v(1));
  }
  return 0;
}
// CHECK: 1 error generated.
