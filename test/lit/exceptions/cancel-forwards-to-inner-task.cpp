// Cancelling a task that awaits another task cancels the inner task (as
// asyncio does) and keeps waiting for it: the inner task's handler runs
// first, then the outer task sees the CancelledError that the inner task
// ended with. A chain of three tasks is cancelled from its outermost end.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t --expect-python %S/Inputs/cancel-forwards-to-inner-task.py %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> leaf() {
  Tracer l("leaf");
  try {
    AWAIT(awaitc::sleep(50));
  } catch (const awaitc::CancelledError &) {
    std::printf("leaf cancelled at %g\n", awaitc::loop_time());
    AWAIT(awaitc::sleep(1));
    std::printf("leaf rethrows at %g\n", awaitc::loop_time());
    throw;
  }
  return 1;
}

AWAITC_ASYNC awaitc::Coro<int> middle() {
  Tracer m("middle");
  awaitc::Task<int> inner = awaitc::create_task(leaf());
  try {
    return AWAIT(inner);
  } catch (const awaitc::CancelledError &) {
    std::printf("middle cancelled, leaf cancelled %d\n", inner.cancelled());
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<int> top() {
  Tracer t("top");
  awaitc::Task<int> inner = awaitc::create_task(middle());
  try {
    return AWAIT(inner);
  } catch (const awaitc::CancelledError &) {
    std::printf("top cancelled, middle cancelled %d\n", inner.cancelled());
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<int> t = awaitc::create_task(top());
  AWAIT(awaitc::sleep(2));
  std::printf("cancel top %d\n", t.cancel());
  std::printf("cancel top again %d\n", t.cancel());
  try {
    AWAIT(t);
  } catch (const awaitc::CancelledError &) {
    std::printf("main: top cancelled %d at %g\n", t.cancelled(),
                awaitc::loop_time());
  }
}

int main() {
  awaitc::RunOptions options;
  options.virtual_time = true;
  awaitc::run(main_coro(), options);
  print_live();
}

// CHECK: ctor top
// CHECK-NEXT: ctor middle
// CHECK-NEXT: ctor leaf
// CHECK-NEXT: cancel top 1
// CHECK-NEXT: cancel top again 1
// CHECK-NEXT: leaf cancelled at 2
// CHECK-NEXT: leaf rethrows at 3
// CHECK-NEXT: dtor leaf
// CHECK-NEXT: middle cancelled, leaf cancelled 1
// CHECK-NEXT: dtor middle
// CHECK-NEXT: top cancelled, middle cancelled 1
// CHECK-NEXT: dtor top
// CHECK-NEXT: main: top cancelled 1 at 3
// CHECK-NEXT: live 0
// CHECK-EMPTY:
