// Range-for over a generator inside an async function, with markers in the
// body and in the range expression: the generator is advanced lazily, one
// element per iteration, interleaved with the awaits of the body; breaking
// out of the loop destroys the suspended generator's live locals.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_GENERATOR awaitc::Generator<int> count(int n) {
  Tracer g("gen", n);
  for (int i = 0; i < n; ++i) {
    std::printf("yield %d\n", i);
    YIELD(i);
  }
  std::printf("gen %d done\n", n);
}

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> consume() {
  for (int v : count(2))
    AWAIT(step("body", v));
  std::printf("after first\n");
  // The generator's size comes from an AWAIT in the range expression.
  for (int v : count(AWAIT(step("size", 3)))) {
    if (v == 1) {
      std::printf("break\n");
      break;
    }
    AWAIT(step("body", v));
  }
  std::printf("after second\n");
  // A generator stored in a local and iterated later.
  awaitc::Generator<int> stored = count(1);
  AWAIT(awaitc::sleep(0));
  for (int v : stored)
    AWAIT(step("stored", v));
  std::printf("after third\n");
}

int main() {
  std::printf("begin\n");
  awaitc::run(consume());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor gen2
// CHECK-NEXT: yield 0
// CHECK-NEXT: step body 0
// CHECK-NEXT: yield 1
// CHECK-NEXT: step body 1
// CHECK-NEXT: gen 2 done
// CHECK-NEXT: dtor gen2
// CHECK-NEXT: after first
// CHECK-NEXT: step size 3
// CHECK-NEXT: ctor gen3
// CHECK-NEXT: yield 0
// CHECK-NEXT: step body 0
// CHECK-NEXT: yield 1
// CHECK-NEXT: break
// CHECK-NEXT: dtor gen3
// CHECK-NEXT: after second
// CHECK-NEXT: ctor gen1
// CHECK-NEXT: yield 0
// CHECK-NEXT: step stored 0
// CHECK-NEXT: gen 1 done
// CHECK-NEXT: dtor gen1
// CHECK-NEXT: after third
// CHECK-NEXT: live 0
// CHECK-EMPTY:
