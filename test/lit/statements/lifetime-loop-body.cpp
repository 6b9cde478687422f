// Locals of loop bodies that live across a suspension are constructed and
// destroyed on every iteration (not once per loop), in for, while, do and
// range-for bodies, while two tasks run the same loops interleaved.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<void> loops(int id) {
  for (int i = 0; i < 2; ++i) {
    Tracer f("for", 10 * id + i);
    AWAIT(awaitc::sleep(0));
    f.use();
  }
  int n = 0;
  while (n < 2) {
    Tracer w("while", 10 * id + n++);
    AWAIT(awaitc::sleep(0));
    w.use();
  }
  do {
    Tracer d("do", 10 * id + n);
    AWAIT(awaitc::sleep(0));
    d.use();
  } while (++n < 3);
  int items[] = {7, 8};
  for (int item : items) {
    Tracer r("range", 10 * id + item);
    AWAIT(awaitc::sleep(0));
    r.use();
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(loops(0));
  std::printf("-- two tasks\n");
  awaitc::Task<void> a = awaitc::create_task(loops(1));
  awaitc::Task<void> b = awaitc::create_task(loops(2));
  AWAIT(a);
  AWAIT(b);
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor for0
// CHECK-NEXT: use for0
// CHECK-NEXT: dtor for0
// CHECK-NEXT: ctor for1
// CHECK-NEXT: use for1
// CHECK-NEXT: dtor for1
// CHECK-NEXT: ctor while0
// CHECK-NEXT: use while0
// CHECK-NEXT: dtor while0
// CHECK-NEXT: ctor while1
// CHECK-NEXT: use while1
// CHECK-NEXT: dtor while1
// CHECK-NEXT: ctor do2
// CHECK-NEXT: use do2
// CHECK-NEXT: dtor do2
// CHECK-NEXT: ctor range7
// CHECK-NEXT: use range7
// CHECK-NEXT: dtor range7
// CHECK-NEXT: ctor range8
// CHECK-NEXT: use range8
// CHECK-NEXT: dtor range8
// CHECK-NEXT: -- two tasks
// CHECK-NEXT: ctor for10
// CHECK-NEXT: ctor for20
// CHECK-NEXT: use for10
// CHECK-NEXT: dtor for10
// CHECK-NEXT: ctor for11
// CHECK-NEXT: use for20
// CHECK-NEXT: dtor for20
// CHECK-NEXT: ctor for21
// CHECK-NEXT: use for11
// CHECK-NEXT: dtor for11
// CHECK-NEXT: ctor while10
// CHECK-NEXT: use for21
// CHECK-NEXT: dtor for21
// CHECK-NEXT: ctor while20
// CHECK-NEXT: use while10
// CHECK-NEXT: dtor while10
// CHECK-NEXT: ctor while11
// CHECK-NEXT: use while20
// CHECK-NEXT: dtor while20
// CHECK-NEXT: ctor while21
// CHECK-NEXT: use while11
// CHECK-NEXT: dtor while11
// CHECK-NEXT: ctor do12
// CHECK-NEXT: use while21
// CHECK-NEXT: dtor while21
// CHECK-NEXT: ctor do22
// CHECK-NEXT: use do12
// CHECK-NEXT: dtor do12
// CHECK-NEXT: ctor range17
// CHECK-NEXT: use do22
// CHECK-NEXT: dtor do22
// CHECK-NEXT: ctor range27
// CHECK-NEXT: use range17
// CHECK-NEXT: dtor range17
// CHECK-NEXT: ctor range18
// CHECK-NEXT: use range27
// CHECK-NEXT: dtor range27
// CHECK-NEXT: ctor range28
// CHECK-NEXT: use range18
// CHECK-NEXT: dtor range18
// CHECK-NEXT: use range28
// CHECK-NEXT: dtor range28
// CHECK-NEXT: live 0
// CHECK-EMPTY:
