// A goto into a block that holds a suspension point would skip the block's
// re-entry code: a clear error, with a note at the label.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<void> f(int x) {
  if (x) goto in;
  // CHECK: goto-into-suspending-block.cpp:[[@LINE-1]]:10: error: a goto into a block that holds a suspension point is not supported
  {
    AWAIT(awaitc::sleep(0));
  in:
    // CHECK: goto-into-suspending-block.cpp:[[@LINE-1]]:3: note: the label is here
    x = 2;
  }
}
