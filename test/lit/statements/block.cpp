// Blocks: locals of nested blocks that live across AWAITs are constructed at
// their declaration and destroyed at the end of their own block, in reverse
// order, while the enclosing block's locals live on.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> blocks() {
  Tracer a("a");
  {
    Tracer b("b");
    AWAIT(awaitc::sleep(0));
    {
      Tracer c("c");
      Tracer d("d");
      d.set(AWAIT(later(4)));
      std::printf("d=%d\n", d.value());
      c.use();
    }
    std::printf("after inner\n");
    b.use();
    {
      // A block without a suspension, between two that have one.
      Tracer e("e");
    }
    AWAIT(awaitc::sleep(0));
    b.use();
  }
  {}
  { ; }
  std::printf("after blocks\n");
  AWAIT(later(0));
  a.use();
}

int main() {
  std::printf("begin\n");
  awaitc::run(blocks());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor a
// CHECK-NEXT: ctor b
// CHECK-NEXT: ctor c
// CHECK-NEXT: ctor d
// CHECK-NEXT: d=4
// CHECK-NEXT: use c
// CHECK-NEXT: dtor d
// CHECK-NEXT: dtor c
// CHECK-NEXT: after inner
// CHECK-NEXT: use b
// CHECK-NEXT: ctor e
// CHECK-NEXT: dtor e
// CHECK-NEXT: use b
// CHECK-NEXT: dtor b
// CHECK-NEXT: after blocks
// CHECK-NEXT: use a
// CHECK-NEXT: dtor a
// CHECK-NEXT: live 0
// CHECK-EMPTY:
