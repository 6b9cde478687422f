// A marker inside a block literal (-fblocks) within an annotated body: the
// block is another function and cannot suspend the coroutine.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include -fblocks 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> f() {
  int (^block)(void) = ^{ return AWAIT(v(1)); };
  // CHECK: marker-in-block.cpp:[[@LINE-1]]:34: error: AWAIT cannot appear inside a block within an annotated function; only the annotated function's own body may suspend
  return block();
}
// CHECK: 1 error generated.
