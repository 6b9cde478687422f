// Several declarators in one declaration, each initializer awaiting: the
// ones that live across a later suspension (frame members) and the ones
// that do not (plain locals of step()), including a declarator that only
// reads an earlier one. Each declarator is its own full-expression.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

// The type from a macro that ends after an attribute.
#define MAYBE_UNUSED_INT [[maybe_unused]] int

AWAITC_ASYNC awaitc::Coro<int> declarators() {
  int a = AWAIT(v(1)), b = AWAIT(v(2)), *p = &a;
  int c = 3, d = AWAIT(v(4)) + c;
  std::printf("hoisted %d %d %d %d %d\n", a, b, *p, c, d);
  {
    int x = AWAIT(v(5)), y = AWAIT(v(6)) + x, z = y * 2;
    std::printf("plain %d %d %d\n", x, y, z);
  }
  {
    MAYBE_UNUSED_INT r = AWAIT(v(7)), s = 8;
    std::printf("macro %d %d\n", r, s);
  }
  return a + b + c + d;
}

int main() { std::printf("sum %d\n", awaitc::run(declarators())); }

// CHECK: hoisted 1 2 1 3 7
// CHECK-NEXT: plain 5 11 22
// CHECK-NEXT: macro 7 8
// CHECK-NEXT: sum 13
