// Lambdas in function templates stored in locals before an AWAIT: a closure
// not used after the suspension, one used in the suspending expression, one
// living across the suspension (moved into a factory), generic ones, and a
// lambda called where it is written whose result is a plain local. (The
// review's repro of "cannot hold a lambda in C++17" for the first shape.)
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>
#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

template <class T> AWAITC_ASYNC awaitc::Coro<int> g1(T) {
  auto twice = [](int y) { return 2 * y; };
  int a = twice(1);
  return AWAIT(v(a));
}
template <class T> AWAITC_ASYNC awaitc::Coro<int> g2(T t) {
  auto twice = [](int y) { return 2 * y; };
  return twice(t) + AWAIT(v(twice(3)));
}
template <class T> AWAITC_ASYNC awaitc::Coro<int> g3(T t) {
  auto plus_t = [t](int y) { return 2 * y + t; };
  int a = AWAIT(v(1));
  return plus_t(a);
}
template <class T> AWAITC_ASYNC awaitc::Coro<int> g4(T t) {
  auto twice = [](int y) { return 2 * y; };
  return twice(t) << AWAIT(v(1));
}
template <class T> AWAITC_ASYNC awaitc::Coro<int> g5(T t) {
  auto twice = [](auto y) { return 2 * y; };
  auto r = twice(t);
  AWAIT(v(1));
  return r;
}
template <class T> AWAITC_ASYNC awaitc::Coro<int> g6(T) {
  int a = [](int y) { return y; }(5);
  return AWAIT(v(a));
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  int a = AWAIT(g1(0));
  int b = AWAIT(g2(1));
  int c = AWAIT(g3(1));
  int d = AWAIT(g4(1));
  int e = AWAIT(g5(4));
  int f = AWAIT(g6(0));
  std::printf("%d %d %d %d %d %d\n", a, b, c, d, e, f);
}

int main() { awaitc::run(main_coro()); }

// CHECK: 2 8 3 4 8 5
