// for: a marker in the init-statement, the condition, the increment and the
// body. The init-statement's variable lives across the whole loop and is
// destroyed once after it; a body local is constructed and destroyed on each
// iteration; `continue` runs the (suspending) increment; `break` skips it.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> all_parts() {
  for (int i = AWAIT(step("init", 0)); AWAIT(step("cond", i < 3));
       i = AWAIT(step("inc", i + 1))) {
    Tracer body("body", i);
    if (i == 1) {
      std::printf("continue at 1\n");
      continue;
    }
    AWAIT(step("body", i));
  }
  std::printf("after loop\n");
}

AWAITC_ASYNC awaitc::Coro<void> init_object() {
  // An object declared in the init-statement, alive for the whole loop.
  for (Tracer t("loopvar"); t.value() < 4; t.set(t.value() + AWAIT(step("inc", 2)))) {
    std::printf("value %d\n", t.value());
    if (t.value() == 2)
      break;
  }
  std::printf("after loop\n");
  // Two variables in the init-statement, an empty condition, break out.
  for (int a = 0, b = AWAIT(step("b", 10));; ++a, --b) {
    if (a >= b - 7) {
      std::printf("break a=%d b=%d\n", a, b);
      break;
    }
    AWAIT(awaitc::sleep(0));
  }
  // A for loop without any suspension inside a suspending function.
  int sum = 0;
  for (int k = 0; k < 4; ++k)
    sum += k;
  std::printf("sum %d\n", AWAIT(step("sum", sum)));
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(all_parts());
  AWAIT(init_object());
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: step init 0
// CHECK-NEXT: step cond 1
// CHECK-NEXT: ctor body0
// CHECK-NEXT: step body 0
// CHECK-NEXT: dtor body0
// CHECK-NEXT: step inc 1
// CHECK-NEXT: step cond 1
// CHECK-NEXT: ctor body1
// CHECK-NEXT: continue at 1
// CHECK-NEXT: dtor body1
// CHECK-NEXT: step inc 2
// CHECK-NEXT: step cond 1
// CHECK-NEXT: ctor body2
// CHECK-NEXT: step body 2
// CHECK-NEXT: dtor body2
// CHECK-NEXT: step inc 3
// CHECK-NEXT: step cond 0
// CHECK-NEXT: after loop
// CHECK-NEXT: ctor loopvar
// CHECK-NEXT: value 0
// CHECK-NEXT: step inc 2
// CHECK-NEXT: value 2
// CHECK-NEXT: dtor loopvar
// CHECK-NEXT: after loop
// CHECK-NEXT: step b 10
// CHECK-NEXT: break a=2 b=8
// CHECK-NEXT: step sum 6
// CHECK-NEXT: sum 6
// CHECK-NEXT: live 0
// CHECK-EMPTY:
