// An immediately invoked lambda that copies a local, called with arguments
// that await: the lambda is created before the arguments are evaluated (it
// is the callee), so its copies would have to live across the suspension in
// the frame, whose member types cannot name a closure created in place.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> f(int k) {
  return [k](int x) { return x + k; }(AWAIT(v(1)));
  // CHECK: lambda-copies-called-with-marker.cpp:[[@LINE-1]]:10: error: awaitc cannot keep this lambda's copies across the suspension in its arguments; store the lambda in a variable first
}
// CHECK: 1 error generated.
