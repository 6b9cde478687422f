// cancel() on a finished task returns false and changes nothing; a task
// cancelled before its first step never runs its body (it constructs
// nothing); a task that lets CancelledError escape ends cancelled, and
// awaiting it (or its result()) throws CancelledError, each time.
// RUN: %run-both %{strict-warnings} --out %t --expect-python %S/Inputs/cancel-finished-task.py %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> value(int v) {
  Tracer t("value", v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<int> done = awaitc::create_task(value(1));
  int v = AWAIT(done);
  std::printf("done %d value %d\n", done.done(), v);
  std::printf("cancel finished %d, cancelled %d, value again %d\n",
              done.cancel(), done.cancelled(), AWAIT(done));

  awaitc::Task<int> early = awaitc::create_task(value(2));
  std::printf("cancel before start %d\n", early.cancel());
  AWAIT(awaitc::sleep(0));
  std::printf("early done %d cancelled %d\n", early.done(), early.cancelled());

  awaitc::Task<int> running = awaitc::create_task(value(3));
  AWAIT(awaitc::sleep(0));
  std::printf("cancel running %d\n", running.cancel());
  for (int i = 0; i < 2; ++i) {
    try {
      AWAIT(running);
    } catch (const awaitc::CancelledError &) {
      std::printf("await %d: CancelledError, cancelled %d\n", i,
                  running.cancelled());
    }
  }
  try {
    running.result();
  } catch (const awaitc::CancelledError &) {
    std::printf("result(): CancelledError\n");
  }
  std::printf("cancel again %d\n", running.cancel());
}

int main() {
  awaitc::run(main_coro());
  print_live();
}

// CHECK: ctor value1
// CHECK-NEXT: dtor value1
// CHECK-NEXT: done 1 value 1
// CHECK-NEXT: cancel finished 0, cancelled 0, value again 1
// CHECK-NEXT: cancel before start 1
// CHECK-NEXT: early done 1 cancelled 1
// CHECK-NEXT: ctor value3
// CHECK-NEXT: cancel running 1
// CHECK-NEXT: dtor value3
// CHECK-NEXT: await 0: CancelledError, cancelled 1
// CHECK-NEXT: await 1: CancelledError, cancelled 1
// CHECK-NEXT: result(): CancelledError
// CHECK-NEXT: cancel again 0
// CHECK-NEXT: live 0
// CHECK-EMPTY:
