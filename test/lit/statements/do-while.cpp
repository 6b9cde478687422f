// do-while: a marker in the body and in the condition. `continue` jumps to
// the condition, which must be evaluated (and awaited) before the next
// iteration; body locals are destroyed before the condition is evaluated.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> body_and_condition() {
  int i = 0;
  do {
    Tracer t("body", i);
    ++i;
    if (i == 2) {
      std::printf("continue\n");
      continue;
    }
    if (i == 4) {
      std::printf("break\n");
      break;
    }
    AWAIT(step("body", i));
  } while (AWAIT(step("cond", i)) < 10);
  std::printf("after do i=%d\n", i);
}

AWAITC_ASYNC awaitc::Coro<void> condition_false_first() {
  // The body runs once even though the condition is false.
  do {
    Tracer t("once");
    AWAIT(awaitc::sleep(0));
  } while (AWAIT(step("cond", 0)));
  // Marker only in the condition; body without suspension.
  int n = 0;
  do
    ++n;
  while (AWAIT(step("n", n)) < 3);
  std::printf("n=%d\n", n);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(body_and_condition());
  AWAIT(condition_false_first());
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor body0
// CHECK-NEXT: step body 1
// CHECK-NEXT: dtor body0
// CHECK-NEXT: step cond 1
// CHECK-NEXT: ctor body1
// CHECK-NEXT: continue
// CHECK-NEXT: dtor body1
// CHECK-NEXT: step cond 2
// CHECK-NEXT: ctor body2
// CHECK-NEXT: step body 3
// CHECK-NEXT: dtor body2
// CHECK-NEXT: step cond 3
// CHECK-NEXT: ctor body3
// CHECK-NEXT: break
// CHECK-NEXT: dtor body3
// CHECK-NEXT: after do i=4
// CHECK-NEXT: ctor once
// CHECK-NEXT: dtor once
// CHECK-NEXT: step cond 0
// CHECK-NEXT: step n 1
// CHECK-NEXT: step n 2
// CHECK-NEXT: step n 3
// CHECK-NEXT: n=3
// CHECK-NEXT: live 0
// CHECK-EMPTY:
