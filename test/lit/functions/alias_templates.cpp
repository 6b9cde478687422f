// An alias template (and a plain alias) as the return type of annotated
// functions, templates and not: the frame's result type is the aliased
// Coro's or Generator's argument.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>
#include <cstdio>
#include <string>

template <class T> using Task = awaitc::Coro<T>;
template <class T> using Gen = awaitc::Generator<T>;
template <class T> using Nested = Task<T>;
using IntTask = awaitc::Coro<int>;

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

template <class T> AWAITC_ASYNC Task<T> twice(T x) {
  AWAIT(v(1));
  return x + x;
}

template <class T> AWAITC_ASYNC Nested<T> again(T x) {
  return AWAIT(twice(x)) + x;
}

AWAITC_ASYNC Task<void> say(std::string s) {
  AWAIT(v(0));
  std::printf("%s\n", s.c_str());
}

AWAITC_ASYNC IntTask plain() { return AWAIT(v(7)); }

template <class T> AWAITC_GENERATOR Gen<T> upto(T n) {
  for (T i = 0; i < n; ++i)
    YIELD(i);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("%d\n", AWAIT(twice(21)));
  std::printf("%s\n", AWAIT(twice(std::string("ab"))).c_str());
  std::printf("%d\n", AWAIT(again(2)));
  AWAIT(say("said"));
  std::printf("%d\n", AWAIT(plain()));
  for (long i : upto(3L))
    std::printf("%ld\n", i);
}

int main() { awaitc::run(main_coro()); }

// CHECK: 42
// CHECK-NEXT: abab
// CHECK-NEXT: 6
// CHECK-NEXT: said
// CHECK-NEXT: 7
// CHECK-NEXT: 0
// CHECK-NEXT: 1
// CHECK-NEXT: 2
