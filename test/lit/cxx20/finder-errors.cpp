// The Finder's errors apply with --emit=cxx20 too; an unknown --emit is a
// usage error.
// RUN: %python %S/../diagnostics/Inputs/expect_exit.py 1 %awaitc --emit=cxx20 %s -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck --implicit-check-not=error: %s
// RUN: %python %S/../diagnostics/Inputs/expect_exit.py 2 %awaitc --emit=dot-matrix %s -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck --check-prefix=USAGE %s
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> one() { return 1; }

int outside() {
  return AWAIT(one()) + 1;
  // CHECK: finder-errors.cpp:[[@LINE-1]]:10: error: AWAIT can only be used in the body of a function annotated with AWAITC_ASYNC
}

AWAITC_ASYNC awaitc::Coro<void> in_lambda() {
  auto f = [] { return AWAIT(one()); };
  // CHECK: finder-errors.cpp:[[@LINE-1]]:24: error: AWAIT cannot appear inside a lambda within an annotated function; only the annotated function's own body may suspend
  f();
}
// CHECK: 2 errors generated.
// USAGE: awaitc{{.*}}: Cannot find option named 'dot-matrix'!
