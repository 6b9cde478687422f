// The comma operator: left to right, the left value discarded, the result is
// the right operand (an lvalue if it is one).
// RUN: %run-both --out %t %s | FileCheck %s
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
static void note(const char *s) { std::printf("note(%s)\n", s); }

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  int a = (mark(1), AWAIT(v(2)));
  std::printf("a=%d\n", a);
  // CHECK: mark(1)
  // CHECK-NEXT: v(2) starts
  // CHECK-NEXT: v(2) resumes
  // CHECK-NEXT: a=2
  int b = (AWAIT(v(3)), mark(4));
  std::printf("b=%d\n", b);
  // CHECK-NEXT: v(3) starts
  // CHECK-NEXT: v(3) resumes
  // CHECK-NEXT: mark(4)
  // CHECK-NEXT: b=4
  int c = (note("void"), AWAIT(v(5)), AWAIT(v(6)));
  std::printf("c=%d\n", c);
  // CHECK-NEXT: note(void)
  // CHECK-NEXT: v(5) starts
  // CHECK-NEXT: v(5) resumes
  // CHECK-NEXT: v(6) starts
  // CHECK-NEXT: v(6) resumes
  // CHECK-NEXT: c=6
  AWAIT(v(7)), note("statement");
  // CHECK-NEXT: v(7) starts
  // CHECK-NEXT: v(7) resumes
  // CHECK-NEXT: note(statement)
  int x = 0, y = 0;
  (x = 1, y) = AWAIT(v(8));
  std::printf("x=%d y=%d\n", x, y);
  // CHECK: x=1 y=8
  for (int i = 0, j = 10; i < 2; ++i, j += AWAIT(v(1)))
    std::printf("i=%d j=%d\n", i, j);
  // CHECK: i=0 j=10
  // CHECK: v(1) resumes
  // CHECK-NEXT: i=1 j=11
}

int main() { awaitc::run(main_coro()); }
