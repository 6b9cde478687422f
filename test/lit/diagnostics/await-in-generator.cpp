// AWAIT in a generator (AWAITC_GENERATOR, awaitc::Generator).
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_GENERATOR awaitc::Generator<int> g() {
  YIELD(1);
  AWAIT(awaitc::sleep(0));
}
// CHECK: await-in-generator.cpp:[[@LINE-2]]:3: error: AWAIT cannot be used in a generator (it returns awaitc::Generator); only async functions may await
// CHECK: 1 error generated.
