// An annotation on a constructor or a destructor.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

struct S {
  AWAITC_ASYNC S() {}
  // CHECK: annotation-on-constructor.cpp:[[@LINE-1]]:16: error: AWAITC_ASYNC cannot be applied to a constructor, destructor or conversion function
  AWAITC_ASYNC ~S() {}
  // CHECK: annotation-on-constructor.cpp:[[@LINE-1]]:16: error: AWAITC_ASYNC cannot be applied to a constructor, destructor or conversion function
  AWAITC_GENERATOR S(int) {}
  // CHECK: annotation-on-constructor.cpp:[[@LINE-1]]:20: error: AWAITC_GENERATOR cannot be applied to a constructor, destructor or conversion function
};
// CHECK: 3 errors generated.
