// AWAITC_ASYNC on a function returning int, AWAITC_GENERATOR on one
// returning a Coro: the error names the expected and the actual type.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_ASYNC int f() { return 1; }
// CHECK: annotation-wrong-return-type.cpp:[[@LINE-1]]:18: error: AWAITC_ASYNC function must return awaitc::Coro<T> or awaitc::AsyncGenerator<T>, not 'int'
// CHECK-NEXT: {{^}}    8 | AWAITC_ASYNC int f() { return 1; }
// CHECK-NEXT: {{^}}      |              ~~~ ^
AWAITC_GENERATOR awaitc::Coro<int> g() { return 1; }
// CHECK: annotation-wrong-return-type.cpp:[[@LINE-1]]:36: error: AWAITC_GENERATOR function must return awaitc::Generator<T>, not 'awaitc::Coro<int>'
// CHECK: 2 errors generated.
