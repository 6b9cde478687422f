// A structured binding that copies an array of arrays and lives across a
// suspension: awaitc copies an array into the frame element by element, and
// an element that is itself an array cannot be copied that way yet.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> f() {
  int grid[2][2] = {{1, 2}, {3, 4}};
  auto [row0, row1] = grid;
  // CHECK: structured-binding-array-of-arrays.cpp:[[@LINE-1]]:23: error: awaitc cannot copy this array into the frame; copy its elements one by one
  AWAIT(v(1));
  return row0[0] + row1[1];
}
// CHECK: 1 error generated.
