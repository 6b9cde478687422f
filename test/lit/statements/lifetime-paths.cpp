// Locals declared before an AWAIT and used after it are constructed at
// their declaration and destroyed at scope exit, in reverse order, exactly
// once, on each way out: fall-through, break, continue, return (from a
// nested block), and goto out of a block. Two tasks run the same function
// so that their suspensions interleave (sleep(0)).
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> paths(int mode) {
  Tracer f("f", mode);
  for (int i = 0; i < 2; ++i) {
    Tracer loop("loop", 10 * mode + i);
    AWAIT(awaitc::sleep(0));
    {
      Tracer blk("blk", 10 * mode + i);
      AWAIT(awaitc::sleep(0));
      blk.use();
      if (mode == 1 && i == 0)
        continue;
      if (mode == 2)
        break;
      if (mode == 3)
        return 3;
      if (mode == 4)
        goto out;
    }
    loop.use();
  }
out:
  AWAIT(awaitc::sleep(0));
  f.use();
  return mode;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  for (int mode = 0; mode <= 4; ++mode) {
    std::printf("-- mode %d\n", mode);
    std::printf("result %d\n", AWAIT(paths(mode)));
  }
  std::printf("-- two tasks\n");
  awaitc::Task<int> a = awaitc::create_task(paths(5));
  awaitc::Task<int> b = awaitc::create_task(paths(6));
  AWAIT(a);
  AWAIT(b);
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: -- mode 0
// CHECK-NEXT: ctor f0
// CHECK-NEXT: ctor loop0
// CHECK-NEXT: ctor blk0
// CHECK-NEXT: use blk0
// CHECK-NEXT: dtor blk0
// CHECK-NEXT: use loop0
// CHECK-NEXT: dtor loop0
// CHECK-NEXT: ctor loop1
// CHECK-NEXT: ctor blk1
// CHECK-NEXT: use blk1
// CHECK-NEXT: dtor blk1
// CHECK-NEXT: use loop1
// CHECK-NEXT: dtor loop1
// CHECK-NEXT: use f0
// CHECK-NEXT: dtor f0
// CHECK-NEXT: result 0
// CHECK-NEXT: -- mode 1
// CHECK-NEXT: ctor f1
// CHECK-NEXT: ctor loop10
// CHECK-NEXT: ctor blk10
// CHECK-NEXT: use blk10
// CHECK-NEXT: dtor blk10
// CHECK-NEXT: dtor loop10
// CHECK-NEXT: ctor loop11
// CHECK-NEXT: ctor blk11
// CHECK-NEXT: use blk11
// CHECK-NEXT: dtor blk11
// CHECK-NEXT: use loop11
// CHECK-NEXT: dtor loop11
// CHECK-NEXT: use f1
// CHECK-NEXT: dtor f1
// CHECK-NEXT: result 1
// CHECK-NEXT: -- mode 2
// CHECK-NEXT: ctor f2
// CHECK-NEXT: ctor loop20
// CHECK-NEXT: ctor blk20
// CHECK-NEXT: use blk20
// CHECK-NEXT: dtor blk20
// CHECK-NEXT: dtor loop20
// CHECK-NEXT: use f2
// CHECK-NEXT: dtor f2
// CHECK-NEXT: result 2
// CHECK-NEXT: -- mode 3
// CHECK-NEXT: ctor f3
// CHECK-NEXT: ctor loop30
// CHECK-NEXT: ctor blk30
// CHECK-NEXT: use blk30
// CHECK-NEXT: dtor blk30
// CHECK-NEXT: dtor loop30
// CHECK-NEXT: dtor f3
// CHECK-NEXT: result 3
// CHECK-NEXT: -- mode 4
// CHECK-NEXT: ctor f4
// CHECK-NEXT: ctor loop40
// CHECK-NEXT: ctor blk40
// CHECK-NEXT: use blk40
// CHECK-NEXT: dtor blk40
// CHECK-NEXT: dtor loop40
// CHECK-NEXT: use f4
// CHECK-NEXT: dtor f4
// CHECK-NEXT: result 4
// CHECK-NEXT: -- two tasks
// CHECK-NEXT: ctor f5
// CHECK-NEXT: ctor loop50
// CHECK-NEXT: ctor f6
// CHECK-NEXT: ctor loop60
// CHECK-NEXT: ctor blk50
// CHECK-NEXT: ctor blk60
// CHECK-NEXT: use blk50
// CHECK-NEXT: dtor blk50
// CHECK-NEXT: use loop50
// CHECK-NEXT: dtor loop50
// CHECK-NEXT: ctor loop51
// CHECK-NEXT: use blk60
// CHECK-NEXT: dtor blk60
// CHECK-NEXT: use loop60
// CHECK-NEXT: dtor loop60
// CHECK-NEXT: ctor loop61
// CHECK-NEXT: ctor blk51
// CHECK-NEXT: ctor blk61
// CHECK-NEXT: use blk51
// CHECK-NEXT: dtor blk51
// CHECK-NEXT: use loop51
// CHECK-NEXT: dtor loop51
// CHECK-NEXT: use blk61
// CHECK-NEXT: dtor blk61
// CHECK-NEXT: use loop61
// CHECK-NEXT: dtor loop61
// CHECK-NEXT: use f5
// CHECK-NEXT: dtor f5
// CHECK-NEXT: use f6
// CHECK-NEXT: dtor f6
// CHECK-NEXT: live 0
// CHECK-EMPTY:
