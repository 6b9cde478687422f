// A suspended task that is cancelled, and a task still pending when run()'s
// main coroutine returns (run() cancels it, as asyncio.run does): the
// CancelledError raised at the suspension point destroys the live locals of
// every frame on the task's await chain, innermost first, exactly once. A
// Coro that is never awaited and a task cancelled before its first step
// construct nothing. The order of the interleaving is asyncio's: the Python
// twin (Python's try/finally standing for the destructors) prints the same.
// RUN: %run-both --out %t --expect-python %S/Inputs/lifetime-cancel.py %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<void> inner(int id) {
  Tracer in("inner", id);
  AWAIT(awaitc::sleep(0));
  std::printf("inner %d woke\n", id);
  AWAIT(awaitc::sleep(10));
  std::printf("not reached\n");
  in.use();
}

AWAITC_ASYNC awaitc::Coro<void> worker(int id) {
  Tracer w("worker", id);
  {
    Tracer blk("blk", id);
    AWAIT(awaitc::sleep(0));
    blk.use();
  }
  AWAIT(inner(id));
  std::printf("not reached\n");
  w.use();
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<void> a = awaitc::create_task(worker(1));
  awaitc::Task<void> b = awaitc::create_task(worker(2));
  awaitc::Coro<void> never = worker(3);
  awaitc::Task<void> c = awaitc::create_task(worker(4));
  c.cancel();
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  std::printf("main cancels a\n");
  a.cancel();
  AWAIT(awaitc::sleep(0));
  std::printf("a cancelled %d, c cancelled %d, b done %d\n", a.cancelled(),
              c.cancelled(), b.done());
  std::printf("main returns\n");
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor worker1
// CHECK-NEXT: ctor blk1
// CHECK-NEXT: ctor worker2
// CHECK-NEXT: ctor blk2
// CHECK-NEXT: use blk1
// CHECK-NEXT: dtor blk1
// CHECK-NEXT: ctor inner1
// CHECK-NEXT: use blk2
// CHECK-NEXT: dtor blk2
// CHECK-NEXT: ctor inner2
// CHECK-NEXT: inner 1 woke
// CHECK-NEXT: inner 2 woke
// CHECK-NEXT: main cancels a
// CHECK-NEXT: dtor inner1
// CHECK-NEXT: dtor worker1
// CHECK-NEXT: a cancelled 1, c cancelled 1, b done 0
// CHECK-NEXT: main returns
// CHECK-NEXT: dtor inner2
// CHECK-NEXT: dtor worker2
// CHECK-NEXT: live 0
// CHECK-EMPTY:
