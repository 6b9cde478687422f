// A Clang error in the input (a type error): Clang's own diagnostic, exit 1,
// no output file, even though the annotated function itself is fine.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> f() {
  AWAIT(awaitc::sleep(0));
  return 1;
}

int broken() {
  int x = "not an int";
  // CHECK: clang-error.cpp:[[@LINE-1]]:7: error: cannot initialize a variable of type 'int' with an lvalue of type 'const char[11]'
  return x;
}
// CHECK: 1 error generated.
