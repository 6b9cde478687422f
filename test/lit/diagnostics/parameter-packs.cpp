// What awaitc cannot do with a function parameter pack, which the frame
// keeps as a std::tuple: a lambda that uses the pack and must move out of the
// function body (design.md, Lambdas), a pack expansion other than the pack's
// names that must be evaluated before a later suspension (each element would
// need a slot), and several function parameter packs.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

#include <vector>

AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }
int twice(int x) { return 2 * x; }

template <class... Ts> AWAITC_ASYNC awaitc::Coro<int> f(Ts... xs) {
  auto sum = [xs...] { return (0 + ... + xs); };
  // CHECK: parameter-packs.cpp:[[@LINE-1]]:14: error: awaitc must move this lambda out of the function body, where it could not use the parameter pack 'xs'; pass the pack's values to the lambda as arguments
  AWAIT(v(1));
  return sum();
}

template <class... Ts> AWAITC_ASYNC awaitc::Coro<int> g(Ts... xs) {
  auto sum = [&] { return (0 + ... + xs); };
  // CHECK: parameter-packs.cpp:[[@LINE-1]]:14: error: awaitc must move this lambda out of the function body, where it could not use the parameter pack 'xs'; pass the pack's values to the lambda as arguments
  AWAIT(v(1));
  return sum();
}

template <class... Ts> AWAITC_ASYNC awaitc::Coro<int> h(Ts... xs) {
  std::vector<int> list{twice(xs)..., AWAIT(v(1))};
  // CHECK: parameter-packs.cpp:[[@LINE-1]]:25: error: awaitc cannot evaluate this pack expansion before the suspension that follows it in the expression; store the values in a variable first
  return list[0];
}

template <class... As, class... Bs>
AWAITC_ASYNC awaitc::Coro<int> two(As... as, Bs... bs) {
  // CHECK: parameter-packs.cpp:[[@LINE-1]]:52: error: awaitc supports one function parameter pack, not several
  return AWAIT(v(sizeof...(as) + sizeof...(bs)));
}
// CHECK: 4 errors generated.
