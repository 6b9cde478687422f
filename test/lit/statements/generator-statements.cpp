// YIELD in every statement form: block, if/else (and if with init and with
// a condition variable), for (YIELD in the body; the loop variable lives
// across YIELDs), while, do-while (with continue), range-for over a vector
// and over another generator, switch with fall-through, goto loops, and
// nested loops with break/continue/return.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

#include <string>
#include <vector>

AWAITC_GENERATOR awaitc::Generator<int> inner(int n) {
  for (int i = 0; i < n; ++i)
    YIELD(100 + i);
}

AWAITC_GENERATOR awaitc::Generator<int> every_form(int flag) {
  {
    Tracer blk("blk");
    YIELD(1);
  }
  if (flag)
    YIELD(2);
  else
    YIELD(-2);
  if (int k = flag * 3; k > 0) {
    YIELD(k);
  }
  if (Flag f = Flag("flag", flag)) {
    YIELD(f.value() + 3);
  } else {
    YIELD(f.value() - 4);
  }
  for (int i = 5; i < 7; ++i)
    YIELD(i);
  int w = 7;
  while (w < 9)
    YIELD(w++);
  int d = 8;
  do {
    ++d;
    if (d == 10)
      continue;  // evaluates the condition
    YIELD(d);
  } while (d < 11);
  std::vector<int> v = {12, 13};
  for (int x : v)
    YIELD(x);
  for (int x : inner(2))
    YIELD(x);
  switch (flag) {
  case 1:
    YIELD(14);
    [[fallthrough]];
  case 2:
    YIELD(15);
    break;
  default:
    YIELD(-15);
  }
  int g = 16;
loop:
  YIELD(g);
  if (++g < 18)
    goto loop;
  for (int a = 0; a < 3; ++a) {
    for (int b = 0; b < 3; ++b) {
      if (b == 1)
        continue;
      if (b == 2)
        break;
      YIELD(20 + a);
    }
    if (a == 1) {
      Tracer ret("ret");
      YIELD(30);
      return;
    }
  }
  YIELD(-1);  // never reached
}

int main() {
  std::printf("begin\n");
  for (int v : every_form(1))
    std::printf("%d\n", v);
  std::string seen;
  for (int v : every_form(0))
    seen += " " + std::to_string(v);
  std::printf("flag 0:%s\n", seen.c_str());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor blk
// CHECK-NEXT: 1
// CHECK-NEXT: dtor blk
// CHECK-NEXT: 2
// CHECK-NEXT: 3
// CHECK-NEXT: ctor flag1
// CHECK-NEXT: 4
// CHECK-NEXT: dtor flag1
// CHECK-NEXT: 5
// CHECK-NEXT: 6
// CHECK-NEXT: 7
// CHECK-NEXT: 8
// CHECK-NEXT: 9
// CHECK-NEXT: 11
// CHECK-NEXT: 12
// CHECK-NEXT: 13
// CHECK-NEXT: 100
// CHECK-NEXT: 101
// CHECK-NEXT: 14
// CHECK-NEXT: 15
// CHECK-NEXT: 16
// CHECK-NEXT: 17
// CHECK-NEXT: 20
// CHECK-NEXT: 21
// CHECK-NEXT: ctor ret
// CHECK-NEXT: 30
// CHECK-NEXT: dtor ret
// CHECK-NEXT: ctor blk
// CHECK-NEXT: dtor blk
// CHECK-NEXT: ctor flag0
// CHECK-NEXT: dtor flag0
// CHECK-NEXT: ctor ret
// CHECK-NEXT: dtor ret
// CHECK-NEXT: flag 0: 1 -2 -4 5 6 7 8 9 11 12 13 100 101 -15 16 17 20 21 30
// CHECK-NEXT: live 0
// CHECK-EMPTY:
