// A local whose type is a lambda's closure type or a local class, living
// across a suspension: frame members are declared with fully qualified type
// names, and such types have none outside the function.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

void use(int);

AWAITC_ASYNC awaitc::Coro<void> closure() {
  auto twice = [](int y) { return 2 * y; };
  // CHECK: unnamed-type-across-suspension.cpp:[[@LINE-1]]:8: error: the type 'class (lambda at {{.*}}unnamed-type-across-suspension.cpp:[[@LINE-1]]:16)' cannot be named outside the function, so a value of it cannot live across a suspension yet
  AWAIT(v(1));
  use(twice(1));
}

AWAITC_ASYNC awaitc::Coro<void> local_class() {
  struct Counter { int n; };
  Counter counter{1};
  // CHECK: unnamed-type-across-suspension.cpp:[[@LINE-1]]:11: error: the type 'Counter' cannot be named outside the function, so a value of it cannot live across a suspension yet
  AWAIT(v(1));
  use(counter.n);
}
// CHECK: 2 errors generated.
