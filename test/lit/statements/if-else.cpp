// if / else: markers in the condition, in either branch, in else-if chains,
// and inside short-circuiting conditions (&&, ||, ?:) that must evaluate only
// the operands C++ evaluates.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s\n", what);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<const char *> classify(int n) {
  Tracer t("t", n);
  if (AWAIT(step("neg?", n < 0))) {
    Tracer neg("neg");
    AWAIT(awaitc::sleep(0));
    return "negative";
  } else if (n == AWAIT(step("zero?", 0))) {
    return "zero";
  } else if (n < 10) {
    AWAIT(awaitc::sleep(0));
    t.use();
  } else {
    Tracer big("big");
    AWAIT(awaitc::sleep(0));
    big.use();
    return "big";
  }
  std::printf("small falls through\n");
  return "small";
}

AWAITC_ASYNC awaitc::Coro<void> short_circuit(int a, int b) {
  std::printf("-- %d %d\n", a, b);
  if (AWAIT(step("a&&", a)) && AWAIT(step("b&&", b)))
    std::printf("and true\n");
  else
    std::printf("and false\n");
  if (AWAIT(step("a||", a)) || AWAIT(step("b||", b)))
    std::printf("or true\n");
  int v = a ? AWAIT(step("then", 10)) : AWAIT(step("else", 20));
  std::printf("v=%d\n", v);
  if (a)
    if (b)
      AWAIT(step("both", 0));
    else  // dangling else belongs to the inner if
      AWAIT(step("a only", 0));
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("%d is %s\n", -5, AWAIT(classify(-5)));
  std::printf("%d is %s\n", 0, AWAIT(classify(0)));
  std::printf("%d is %s\n", 3, AWAIT(classify(3)));
  std::printf("%d is %s\n", 42, AWAIT(classify(42)));
  AWAIT(short_circuit(0, 1));
  AWAIT(short_circuit(1, 0));
  AWAIT(short_circuit(1, 1));
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor t-5
// CHECK-NEXT: step neg?
// CHECK-NEXT: ctor neg
// CHECK-NEXT: dtor neg
// CHECK-NEXT: dtor t-5
// CHECK-NEXT: -5 is negative
// CHECK-NEXT: ctor t0
// CHECK-NEXT: step neg?
// CHECK-NEXT: step zero?
// CHECK-NEXT: dtor t0
// CHECK-NEXT: 0 is zero
// CHECK-NEXT: ctor t3
// CHECK-NEXT: step neg?
// CHECK-NEXT: step zero?
// CHECK-NEXT: use t3
// CHECK-NEXT: small falls through
// CHECK-NEXT: dtor t3
// CHECK-NEXT: 3 is small
// CHECK-NEXT: ctor t42
// CHECK-NEXT: step neg?
// CHECK-NEXT: step zero?
// CHECK-NEXT: ctor big
// CHECK-NEXT: use big
// CHECK-NEXT: dtor big
// CHECK-NEXT: dtor t42
// CHECK-NEXT: 42 is big
// CHECK-NEXT: -- 0 1
// CHECK-NEXT: step a&&
// CHECK-NEXT: and false
// CHECK-NEXT: step a||
// CHECK-NEXT: step b||
// CHECK-NEXT: or true
// CHECK-NEXT: step else
// CHECK-NEXT: v=20
// CHECK-NEXT: -- 1 0
// CHECK-NEXT: step a&&
// CHECK-NEXT: step b&&
// CHECK-NEXT: and false
// CHECK-NEXT: step a||
// CHECK-NEXT: or true
// CHECK-NEXT: step then
// CHECK-NEXT: v=10
// CHECK-NEXT: step a only
// CHECK-NEXT: -- 1 1
// CHECK-NEXT: step a&&
// CHECK-NEXT: step b&&
// CHECK-NEXT: and true
// CHECK-NEXT: step a||
// CHECK-NEXT: or true
// CHECK-NEXT: step then
// CHECK-NEXT: v=10
// CHECK-NEXT: step both
// CHECK-NEXT: live 0
// CHECK-EMPTY:
