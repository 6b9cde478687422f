// A switch that suspends and whose body is a single case statement, not a
// block: the re-entry dispatch needs a block to live in.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<void> f(int c) {
  switch (c)
  // CHECK: switch-unbraced.cpp:[[@LINE-1]]:3: error: a switch that suspends must have a braced body
  case 1:
    AWAIT(v(1));
}
// CHECK: 1 error generated.
