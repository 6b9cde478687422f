// AWAIT in an operand of an asm statement: a statement form the lowering
// does not handle; the message names Clang's statement class.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

void use(int);

AWAITC_ASYNC awaitc::Coro<void> f() {
  int out;
  asm("mov %1, %0" : "=r"(out) : "r"(AWAIT(v(1))));
  // CHECK: asm-statement.cpp:[[@LINE-1]]:3: error: AWAIT or YIELD inside a 'GCCAsmStmt' statement is not supported
  use(out);
}
// CHECK: 1 error generated.
