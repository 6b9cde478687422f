// YIELD in an async function (AWAITC_ASYNC, awaitc::Coro).
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> f() {
  for (int i = 0; i < 3; ++i)
    YIELD(i);
  return 0;
}
// CHECK: yield-in-coro.cpp:[[@LINE-3]]:5: error: 'Coro' is unavailable: awaitc: YIELD cannot be used in an async function (it returns awaitc::Coro); use AWAITC_GENERATOR and awaitc::Generator<T> for a generator
// CHECK: 1 error generated.
