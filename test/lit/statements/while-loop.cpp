// while: a marker in the condition and in the body, and a condition
// variable, which C++ constructs before each test and destroys at the end of
// each iteration (and after the final, false test).
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> condition_and_body() {
  int i = 0;
  while (AWAIT(step("cond", i)) < 3) {
    Tracer t("body", i);
    ++i;
    if (i == 2)
      continue;
    AWAIT(step("body", i));
    t.use();
  }
  std::printf("after while i=%d\n", i);
}

AWAITC_ASYNC awaitc::Coro<void> condition_variable() {
  int n = 3;
  while (Flag f = Flag("flag", AWAIT(step("next", n)))) {
    --n;
    AWAIT(awaitc::sleep(0));
    std::printf("got %d\n", f.value());
  }
  std::printf("after while\n");
  int m = 2;
  while (int k = m--) {
    AWAIT(awaitc::sleep(0));
    std::printf("k=%d\n", k);
  }
  // break out of a while(true) with a live local.
  while (true) {
    Tracer once("once");
    AWAIT(awaitc::sleep(0));
    break;
  }
  std::printf("done\n");
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(condition_and_body());
  AWAIT(condition_variable());
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: step cond 0
// CHECK-NEXT: ctor body0
// CHECK-NEXT: step body 1
// CHECK-NEXT: use body0
// CHECK-NEXT: dtor body0
// CHECK-NEXT: step cond 1
// CHECK-NEXT: ctor body1
// CHECK-NEXT: dtor body1
// CHECK-NEXT: step cond 2
// CHECK-NEXT: ctor body2
// CHECK-NEXT: step body 3
// CHECK-NEXT: use body2
// CHECK-NEXT: dtor body2
// CHECK-NEXT: step cond 3
// CHECK-NEXT: after while i=3
// CHECK-NEXT: step next 3
// CHECK-NEXT: ctor flag3
// CHECK-NEXT: got 3
// CHECK-NEXT: dtor flag3
// CHECK-NEXT: step next 2
// CHECK-NEXT: ctor flag2
// CHECK-NEXT: got 2
// CHECK-NEXT: dtor flag2
// CHECK-NEXT: step next 1
// CHECK-NEXT: ctor flag1
// CHECK-NEXT: got 1
// CHECK-NEXT: dtor flag1
// CHECK-NEXT: step next 0
// CHECK-NEXT: ctor flag0
// CHECK-NEXT: dtor flag0
// CHECK-NEXT: after while
// CHECK-NEXT: k=2
// CHECK-NEXT: k=1
// CHECK-NEXT: ctor once
// CHECK-NEXT: dtor once
// CHECK-NEXT: done
// CHECK-NEXT: live 0
// CHECK-EMPTY:
