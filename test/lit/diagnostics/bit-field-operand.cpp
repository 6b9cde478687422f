// A bit-field lvalue that must be evaluated before an AWAIT later in the same
// expression (in a template, where the left operand of << is not yet
// converted to a value): awaitc keeps such an operand through a pointer in
// the frame, and a bit-field has no address.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

struct Flags { unsigned low : 4; unsigned high : 4; };

template <class T> AWAITC_ASYNC awaitc::Coro<int> f(Flags *flags, T shift) {
  return flags->low << AWAIT(v(shift));
  // CHECK: bit-field-operand.cpp:[[@LINE-1]]:10: error: awaitc cannot keep a reference to a bit-field across a suspension; copy it first
}
// CHECK: 1 error generated.
