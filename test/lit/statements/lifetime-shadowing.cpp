// Shadowing: an outer `x` and an inner `x` in a nested block (and a loop
// variable `x`), all living across suspensions, are distinct objects; each
// use names the innermost one; the outer one keeps its value.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> shadowing() {
  int x = 1;
  Tracer t("outer");
  AWAIT(awaitc::sleep(0));
  {
    int x = AWAIT(later(2));
    Tracer t("inner");
    AWAIT(awaitc::sleep(0));
    x = x + AWAIT(later(10));
    std::printf("inner x=%d\n", x);
    t.use();
  }
  std::printf("outer x=%d\n", x);
  for (int x = 5; x < 7; ++x) {
    AWAIT(awaitc::sleep(0));
    std::printf("loop x=%d\n", x);
  }
  x = AWAIT(later(x + 1));
  std::printf("outer x=%d\n", x);
  t.use();
}

int main() {
  std::printf("begin\n");
  awaitc::run(shadowing());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor outer
// CHECK-NEXT: ctor inner
// CHECK-NEXT: inner x=12
// CHECK-NEXT: use inner
// CHECK-NEXT: dtor inner
// CHECK-NEXT: outer x=1
// CHECK-NEXT: loop x=5
// CHECK-NEXT: loop x=6
// CHECK-NEXT: outer x=2
// CHECK-NEXT: use outer
// CHECK-NEXT: dtor outer
// CHECK-NEXT: live 0
// CHECK-EMPTY:
