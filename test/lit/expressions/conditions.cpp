// AWAIT in conditions: if, if with initializer, condition declarations,
// while, do-while, for (init, condition, increment), switch.
// RUN: %run-both --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>

#include <cstdio>

static int evaluations = 0;
AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  ++evaluations;
  AWAIT(awaitc::sleep(0));
  return x;
}
AWAITC_ASYNC awaitc::Coro<bool> below(int i, int n) {
  AWAIT(awaitc::sleep(0));
  std::printf("below(%d, %d)\n", i, n);
  return i < n;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  if (AWAIT(v(1)))
    std::printf("if true\n");
  if (AWAIT(v(0)))
    std::printf("never\n");
  else
    std::printf("else\n");
  // CHECK: if true
  // CHECK-NEXT: else

  if (int x = AWAIT(v(3)); x > 2)
    std::printf("init x=%d\n", x);
  // CHECK-NEXT: init x=3
  if (int y = AWAIT(v(0)))
    std::printf("never %d\n", y);
  else
    std::printf("decl y=%d\n", y);
  // CHECK-NEXT: decl y=0

  int i = 0;
  while (AWAIT(below(i, 2)))
    ++i;
  std::printf("while i=%d\n", i);
  // CHECK-NEXT: below(0, 2)
  // CHECK-NEXT: below(1, 2)
  // CHECK-NEXT: below(2, 2)
  // CHECK-NEXT: while i=2

  int n = 3;
  while (int k = AWAIT(v(n))) {
    std::printf("k=%d\n", k);
    --n;
  }
  // CHECK-NEXT: k=3
  // CHECK-NEXT: k=2
  // CHECK-NEXT: k=1

  int j = 0;
  do {
    std::printf("do j=%d\n", j);
  } while (AWAIT(below(++j, 2)));
  // CHECK-NEXT: do j=0
  // CHECK-NEXT: below(1, 2)
  // CHECK-NEXT: do j=1
  // CHECK-NEXT: below(2, 2)

  for (int a = AWAIT(v(10)); AWAIT(below(a, 12)); a += AWAIT(v(1)))
    std::printf("for a=%d\n", a);
  // CHECK-NEXT: below(10, 12)
  // CHECK-NEXT: for a=10
  // CHECK-NEXT: below(11, 12)
  // CHECK-NEXT: for a=11
  // CHECK-NEXT: below(12, 12)

  for (int m = 0; m < 5; ++m) {
    switch (AWAIT(v(m % 3))) {
    case 0:
      std::printf("zero\n");
      break;
    case 1:
      std::printf("one\n");
      [[fallthrough]];
    default:
      std::printf("default\n");
    }
  }
  // CHECK-NEXT: zero
  // CHECK-NEXT: one
  // CHECK-NEXT: default
  // CHECK-NEXT: default
  // CHECK-NEXT: zero
  // CHECK-NEXT: one
  // CHECK-NEXT: default
  switch (int s = AWAIT(v(7)); s + 1) {
  case 8:
    std::printf("switch init s=%d\n", s);
    break;
  }
  // CHECK-NEXT: switch init s=7
  std::printf("evaluations=%d\n", evaluations);
  // 2 ifs + 2 + 4 whiles + 3 for + 5 switch + 1 = 17
  // CHECK-NEXT: evaluations=17
}

int main() { awaitc::run(main_coro()); }
