// A marker in a default argument (of an ordinary function and of an
// annotated one).
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

int plain(int x = AWAIT(v(1)));
// CHECK: marker-default-argument.cpp:[[@LINE-1]]:19: error: AWAIT cannot appear in a default argument
AWAITC_ASYNC awaitc::Coro<int> g(int x = AWAIT(v(2))) { return x; }
// CHECK: marker-default-argument.cpp:[[@LINE-1]]:42: error: AWAIT cannot appear in a default argument
// CHECK: 2 errors generated.
