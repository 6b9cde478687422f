// An exception thrown by a generator body propagates out of the consuming
// range-for (from begin() or from ++), after the body's live locals have
// been destroyed in reverse order; the consumer's own locals are destroyed
// by the unwinding too, and nothing is destroyed twice.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

#include <stdexcept>

AWAITC_GENERATOR awaitc::Generator<int> failing(int fail_at) {
  Tracer g("gen");
  for (int i = 0;; ++i) {
    Tracer it("it", i);
    if (i == fail_at)
      throw std::runtime_error("boom at " + std::to_string(i));
    YIELD(i);
  }
}

int main() {
  std::printf("begin\n");
  try {
    Tracer consumer("consumer");
    for (int v : failing(2))
      std::printf("got %d\n", v);
    std::printf("not reached\n");
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
  }
  // Thrown before the first YIELD: from begin().
  try {
    for (int v : failing(0))
      std::printf("got %d\n", v);
    std::printf("not reached\n");
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
  }
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor consumer
// CHECK-NEXT: ctor gen
// CHECK-NEXT: ctor it0
// CHECK-NEXT: got 0
// CHECK-NEXT: dtor it0
// CHECK-NEXT: ctor it1
// CHECK-NEXT: got 1
// CHECK-NEXT: dtor it1
// CHECK-NEXT: ctor it2
// CHECK-NEXT: dtor it2
// CHECK-NEXT: dtor gen
// CHECK-NEXT: dtor consumer
// CHECK-NEXT: caught boom at 2
// CHECK-NEXT: ctor gen
// CHECK-NEXT: ctor it0
// CHECK-NEXT: dtor it0
// CHECK-NEXT: dtor gen
// CHECK-NEXT: caught boom at 0
// CHECK-NEXT: live 0
// CHECK-EMPTY:
