// Structured bindings (SPEC §2: "any type works: ... structured bindings")
// that live across a suspension, or whose initializer awaits: the hidden
// object is constructed once and destroyed at scope exit; the bindings
// name its members (writes through a by-reference binding reach the
// object).
// (B8 in /tmp/bugs/statements.md: not supported yet, the tool says so)
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

#include <utility>

struct Pair {
  Tracer tracer{"pair"};
  int a = 1;
  int b = 2;
};

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> bindings() {
  auto [x, y] = std::make_pair(AWAIT(later(10)), 20);
  AWAIT(awaitc::sleep(0));
  std::printf("x=%d y=%d\n", x, y);
  Pair p;
  auto &[t, a, b] = p;
  a = AWAIT(later(5));
  std::printf("p.a=%d b=%d\n", p.a, b);
  t.use();
}

int main() {
  std::printf("begin\n");
  awaitc::run(bindings());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: x=10 y=20
// CHECK-NEXT: ctor pair
// CHECK-NEXT: p.a=5 b=2
// CHECK-NEXT: use pair
// CHECK-NEXT: dtor pair
// CHECK-NEXT: live 0
// CHECK-EMPTY:
