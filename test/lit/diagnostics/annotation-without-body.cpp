// An annotation on a declaration without a body is an error; a definition
// that inherits the annotation from an earlier declaration is not.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> declared_only(int x);
// CHECK: annotation-without-body.cpp:[[@LINE-1]]:32: error: AWAITC_ASYNC must be written on a function definition; this declaration has no body
// CHECK-NOT: error:
// CHECK: 1 error generated.
