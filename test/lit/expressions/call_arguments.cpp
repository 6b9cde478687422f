// AWAIT in call arguments. The order between arguments is unspecified in
// C++, so only what C++ does fix is checked: the callee expression is
// evaluated before the arguments (C++17), each argument's own evaluation
// keeps its order, and every argument (including its suspension) is complete
// before the called function's body runs.
// RUN: %run-both --no-cxx20 'unspecified order of call arguments: clang evaluates a co_await argument first' --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  std::printf("v(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  std::printf("v(%d) resumes\n", x);
  return x;
}
static int mark(int x) {
  std::printf("mark(%d)\n", x);
  return x;
}
static int one(int a) {
  std::printf("one(%d)\n", a);
  return a;
}
static int three(int a, int b, int c) {
  std::printf("three(%d, %d, %d)\n", a, b, c);
  return a + b + c;
}
using Fn = int (*)(int);
static Fn pick(const char *why) {
  std::printf("pick(%s)\n", why);
  return &one;
}
struct Pair {
  int a, b;
};
static int pair_sum(Pair p) { return p.a * 10 + p.b; }

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  // CHECK: v(1) starts
  // CHECK-NEXT: v(1) resumes
  // CHECK-NEXT: one(1)
  one(AWAIT(v(1)));

  // The argument's own sub-expressions: the comma operator and a nested call.
  // CHECK-NEXT: mark(2)
  // CHECK-NEXT: v(3) starts
  // CHECK-NEXT: v(3) resumes
  // CHECK-NEXT: mark(4)
  // CHECK-NEXT: one(4)
  one((mark(2), AWAIT(v(3)), mark(4)));
  // CHECK-NEXT: v(5) starts
  // CHECK-NEXT: v(5) resumes
  // CHECK-NEXT: mark(5)
  // CHECK-NEXT: one(5)
  one(mark(AWAIT(v(5))));

  // Plain arguments around a suspending one keep their values.
  // CHECK: three(6, 7, 8)
  three(mark(6), AWAIT(v(7)), 8);
  int x = 10;
  // CHECK: three(10, 11, 12)
  three(x, AWAIT(v(11)), x + 2);

  // The callee expression is sequenced before the arguments (C++17).
  // CHECK-NEXT: pick(callee)
  // CHECK-NEXT: v(13) starts
  // CHECK-NEXT: v(13) resumes
  // CHECK-NEXT: one(13)
  pick("callee")(AWAIT(v(13)));

  // An aggregate argument built from braces: left to right.
  // CHECK-NEXT: mark(1)
  // CHECK-NEXT: v(2) starts
  // CHECK-NEXT: v(2) resumes
  // CHECK-NEXT: sum=12
  std::printf("sum=%d\n", pair_sum(Pair{mark(1), AWAIT(v(2))}));

  // The result of a call with a suspending argument used in an expression.
  // CHECK-NEXT: v(20) starts
  // CHECK-NEXT: v(20) resumes
  // CHECK-NEXT: one(20)
  // CHECK-NEXT: r=21
  int r = one(AWAIT(v(20))) + 1;
  std::printf("r=%d\n", r);
}

int main() { awaitc::run(main_coro()); }
