// break / continue / return from inside nested loops and blocks that hold
// live locals (declared before a suspension and used after it): each jump
// destroys exactly the locals of the scopes it leaves, innermost first.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<int> find(int target) {
  Tracer fn("fn");
  for (int i = 0; i < 3; ++i) {
    Tracer outer("i", i);
    int j = 0;
    while (true) {
      Tracer inner("j", j);
      {
        Tracer blk("blk");
        AWAIT(awaitc::sleep(0));
        if (10 * i + j == target) {
          std::printf("return %d\n", 10 * i + j);
          return 10 * i + j;  // blk, inner, outer, fn
        }
        if (j == 1) {
          std::printf("break inner\n");
          break;  // blk, inner
        }
      }
      ++j;
      if (i == 0) {
        std::printf("continue outer loop via break\n");
        break;
      }
      AWAIT(awaitc::sleep(0));
      inner.use();
      continue;  // inner
    }
    outer.use();
  }
  return -1;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("result %d\n", AWAIT(find(11)));
  std::printf("result %d\n", AWAIT(find(99)));
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor fn
// CHECK-NEXT: ctor i0
// CHECK-NEXT: ctor j0
// CHECK-NEXT: ctor blk
// CHECK-NEXT: dtor blk
// CHECK-NEXT: continue outer loop via break
// CHECK-NEXT: dtor j0
// CHECK-NEXT: use i0
// CHECK-NEXT: dtor i0
// CHECK-NEXT: ctor i1
// CHECK-NEXT: ctor j0
// CHECK-NEXT: ctor blk
// CHECK-NEXT: dtor blk
// CHECK-NEXT: use j0
// CHECK-NEXT: dtor j0
// CHECK-NEXT: ctor j1
// CHECK-NEXT: ctor blk
// CHECK-NEXT: return 11
// CHECK-NEXT: dtor blk
// CHECK-NEXT: dtor j1
// CHECK-NEXT: dtor i1
// CHECK-NEXT: dtor fn
// CHECK-NEXT: result 11
// CHECK-NEXT: ctor fn
// CHECK-NEXT: ctor i0
// CHECK-NEXT: ctor j0
// CHECK-NEXT: ctor blk
// CHECK-NEXT: dtor blk
// CHECK-NEXT: continue outer loop via break
// CHECK-NEXT: dtor j0
// CHECK-NEXT: use i0
// CHECK-NEXT: dtor i0
// CHECK-NEXT: ctor i1
// CHECK-NEXT: ctor j0
// CHECK-NEXT: ctor blk
// CHECK-NEXT: dtor blk
// CHECK-NEXT: use j0
// CHECK-NEXT: dtor j0
// CHECK-NEXT: ctor j1
// CHECK-NEXT: ctor blk
// CHECK-NEXT: break inner
// CHECK-NEXT: dtor blk
// CHECK-NEXT: dtor j1
// CHECK-NEXT: use i1
// CHECK-NEXT: dtor i1
// CHECK-NEXT: ctor i2
// CHECK-NEXT: ctor j0
// CHECK-NEXT: ctor blk
// CHECK-NEXT: dtor blk
// CHECK-NEXT: use j0
// CHECK-NEXT: dtor j0
// CHECK-NEXT: ctor j1
// CHECK-NEXT: ctor blk
// CHECK-NEXT: break inner
// CHECK-NEXT: dtor blk
// CHECK-NEXT: dtor j1
// CHECK-NEXT: use i2
// CHECK-NEXT: dtor i2
// CHECK-NEXT: dtor fn
// CHECK-NEXT: result -1
// CHECK-NEXT: live 0
// CHECK-EMPTY:
