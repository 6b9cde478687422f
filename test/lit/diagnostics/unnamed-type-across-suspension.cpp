// A local whose type contains a lambda's closure type, or is a local class, living
// across a suspension: frame members are declared with fully qualified type
// names, and such types have none outside the function.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

#include <utility>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

void use(int);

// A closure itself is named through its factory (functions/lambdas.cpp);
// a type that contains a closure type is not.
AWAITC_ASYNC awaitc::Coro<void> closure() {
  auto pair = std::make_pair([](int y) { return 2 * y; }, 1);
  // CHECK: unnamed-type-across-suspension.cpp:[[@LINE-1]]:8: error: the type 'std::pair<(lambda at {{.*}}unnamed-type-across-suspension.cpp:[[@LINE-1]]:30), int>' cannot be named outside the function, so a value of it cannot live across a suspension yet
  AWAIT(v(1));
  use(pair.first(pair.second));
}

AWAITC_ASYNC awaitc::Coro<void> local_class() {
  struct Counter { int n; };
  Counter counter{1};
  // CHECK: unnamed-type-across-suspension.cpp:[[@LINE-1]]:11: error: the type 'Counter' cannot be named outside the function, so a value of it cannot live across a suspension yet
  AWAIT(v(1));
  use(counter.n);
}
// CHECK: 2 errors generated.
