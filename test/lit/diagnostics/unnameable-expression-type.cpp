// In a template, a call of an overloaded member function whose argument
// awaits: the callee (an overload set bound to the object) is evaluated
// before the suspension and would have to be kept in the frame, but its type
// has no C++ spelling.
// The error points at the callee, the expression whose type has no name.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

struct Sink {
  int put(int x) const { return x; }
  int put(double x) const { return 2 * int(x); }
};

template <class T> AWAITC_ASYNC awaitc::Coro<int> forward(Sink sink, T value) {
  // CHECK: unnameable-expression-type.cpp:[[@LINE+1]]:10: error: awaitc cannot name the type of this expression; store it in a variable first
  return sink.put(AWAIT(v(value)));
}
// CHECK: 1 error generated.
