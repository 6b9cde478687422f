// Labels and goto inside an async body: forward and backward jumps around
// suspensions (never into a block that holds one), goto out of nested
// blocks destroys the blocks' live locals, and `continue outer` / `break
// outer` written with goto.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> backward_and_forward() {
  int n = 0;
again:
  n = n + AWAIT(step("again", 1));
  if (n < 3)
    goto again;  // backward jump over a suspension
  if (n == 3)
    goto skip;  // forward jump over a suspension
  AWAIT(step("skipped", 0));
skip:
  std::printf("n=%d\n", n);
}

AWAITC_ASYNC awaitc::Coro<void> goto_out_of_blocks() {
  Tracer outer("outer");
  {
    Tracer a("a");
    {
      Tracer b("b");
      AWAIT(awaitc::sleep(0));
      goto out;  // destroys b, then a; outer lives on
    }
  }
out:
  std::printf("out\n");
  AWAIT(awaitc::sleep(0));
  outer.use();
}

AWAITC_ASYNC awaitc::Coro<void> continue_outer() {
  for (int i = 0; i < 3; ++i) {
    Tracer row("row", i);
    for (int j = 0; j < 3; ++j) {
      Tracer cell("cell", 10 * i + j);
      AWAIT(step("cell", 10 * i + j));
      if (j == 1)
        goto next_row;  // continue outer
      if (i == 2)
        goto done;  // break outer
    }
    std::printf("row %d not finished\n", i);
  next_row:;
  }
done:
  std::printf("done\n");
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(backward_and_forward());
  AWAIT(goto_out_of_blocks());
  AWAIT(continue_outer());
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: step again 1
// CHECK-NEXT: step again 1
// CHECK-NEXT: step again 1
// CHECK-NEXT: n=3
// CHECK-NEXT: ctor outer
// CHECK-NEXT: ctor a
// CHECK-NEXT: ctor b
// CHECK-NEXT: dtor b
// CHECK-NEXT: dtor a
// CHECK-NEXT: out
// CHECK-NEXT: use outer
// CHECK-NEXT: dtor outer
// CHECK-NEXT: ctor row0
// CHECK-NEXT: ctor cell0
// CHECK-NEXT: step cell 0
// CHECK-NEXT: dtor cell0
// CHECK-NEXT: ctor cell1
// CHECK-NEXT: step cell 1
// CHECK-NEXT: dtor cell1
// CHECK-NEXT: dtor row0
// CHECK-NEXT: ctor row1
// CHECK-NEXT: ctor cell10
// CHECK-NEXT: step cell 10
// CHECK-NEXT: dtor cell10
// CHECK-NEXT: ctor cell11
// CHECK-NEXT: step cell 11
// CHECK-NEXT: dtor cell11
// CHECK-NEXT: dtor row1
// CHECK-NEXT: ctor row2
// CHECK-NEXT: ctor cell20
// CHECK-NEXT: step cell 20
// CHECK-NEXT: dtor cell20
// CHECK-NEXT: dtor row2
// CHECK-NEXT: done
// CHECK-NEXT: live 0
// CHECK-EMPTY:
