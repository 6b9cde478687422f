// A generator abandoned early: breaking out of the range-for, or dropping
// the Generator object while it is suspended at a YIELD, destroys the live
// locals of every enclosing scope exactly once, innermost and latest first.
// A generator never started constructs nothing; a finished one destroys its
// locals when it finishes and not again when dropped; a moved-from one
// destroys nothing.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

#include <utility>

AWAITC_GENERATOR awaitc::Generator<int> nested() {
  Tracer a("a");
  Tracer b("b");
  for (int i = 0; i < 3; ++i) {
    Tracer loop("loop", i);
    {
      Tracer c("c", i);
      YIELD(i);
      c.use();
    }
    YIELD(10 + i);
  }
  std::printf("nested finished\n");
}

int main() {
  std::printf("begin\n");
  std::printf("-- break at the first YIELD\n");
  for (int v : nested()) {
    std::printf("got %d\n", v);
    break;
  }
  std::printf("-- break at the second YIELD\n");
  for (int v : nested()) {
    std::printf("got %d\n", v);
    if (v == 10)
      break;
  }
  std::printf("-- dropped after next() three times\n");
  {
    awaitc::Generator<int> g = nested();
    g.next();
    g.next();
    g.next();
    std::printf("value %d, dropping\n", g.value());
  }
  std::printf("-- never started\n");
  {
    awaitc::Generator<int> g = nested();
  }
  std::printf("-- finished, then dropped\n");
  {
    awaitc::Generator<int> g = nested();
    int n = 0;
    while (g.next())
      ++n;
    std::printf("%d values, dropping\n", n);
  }
  std::printf("-- moved while suspended\n");
  {
    awaitc::Generator<int> moved;
    {
      awaitc::Generator<int> g = nested();
      g.next();
      moved = std::move(g);
      std::printf("original dropped\n");
    }
    std::printf("value %d, dropping the moved-to\n", moved.value());
  }
  std::printf("end\n");
  print_live();
}

// CHECK: begin
// CHECK-NEXT: -- break at the first YIELD
// CHECK-NEXT: ctor a
// CHECK-NEXT: ctor b
// CHECK-NEXT: ctor loop0
// CHECK-NEXT: ctor c0
// CHECK-NEXT: got 0
// CHECK-NEXT: dtor c0
// CHECK-NEXT: dtor loop0
// CHECK-NEXT: dtor b
// CHECK-NEXT: dtor a
// CHECK-NEXT: -- break at the second YIELD
// CHECK-NEXT: ctor a
// CHECK-NEXT: ctor b
// CHECK-NEXT: ctor loop0
// CHECK-NEXT: ctor c0
// CHECK-NEXT: got 0
// CHECK-NEXT: use c0
// CHECK-NEXT: dtor c0
// CHECK-NEXT: got 10
// CHECK-NEXT: dtor loop0
// CHECK-NEXT: dtor b
// CHECK-NEXT: dtor a
// CHECK-NEXT: -- dropped after next() three times
// CHECK-NEXT: ctor a
// CHECK-NEXT: ctor b
// CHECK-NEXT: ctor loop0
// CHECK-NEXT: ctor c0
// CHECK-NEXT: use c0
// CHECK-NEXT: dtor c0
// CHECK-NEXT: dtor loop0
// CHECK-NEXT: ctor loop1
// CHECK-NEXT: ctor c1
// CHECK-NEXT: value 1, dropping
// CHECK-NEXT: dtor c1
// CHECK-NEXT: dtor loop1
// CHECK-NEXT: dtor b
// CHECK-NEXT: dtor a
// CHECK-NEXT: -- never started
// CHECK-NEXT: -- finished, then dropped
// CHECK-NEXT: ctor a
// CHECK-NEXT: ctor b
// CHECK-NEXT: ctor loop0
// CHECK-NEXT: ctor c0
// CHECK-NEXT: use c0
// CHECK-NEXT: dtor c0
// CHECK-NEXT: dtor loop0
// CHECK-NEXT: ctor loop1
// CHECK-NEXT: ctor c1
// CHECK-NEXT: use c1
// CHECK-NEXT: dtor c1
// CHECK-NEXT: dtor loop1
// CHECK-NEXT: ctor loop2
// CHECK-NEXT: ctor c2
// CHECK-NEXT: use c2
// CHECK-NEXT: dtor c2
// CHECK-NEXT: dtor loop2
// CHECK-NEXT: nested finished
// CHECK-NEXT: dtor b
// CHECK-NEXT: dtor a
// CHECK-NEXT: 6 values, dropping
// CHECK-NEXT: -- moved while suspended
// CHECK-NEXT: ctor a
// CHECK-NEXT: ctor b
// CHECK-NEXT: ctor loop0
// CHECK-NEXT: ctor c0
// CHECK-NEXT: original dropped
// CHECK-NEXT: value 0, dropping the moved-to
// CHECK-NEXT: dtor c0
// CHECK-NEXT: dtor loop0
// CHECK-NEXT: dtor b
// CHECK-NEXT: dtor a
// CHECK-NEXT: end
// CHECK-NEXT: live 0
// CHECK-EMPTY:
