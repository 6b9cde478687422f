// A cancelled task catches CancelledError with catch (...), AWAITs its
// clean-up inside the handler, and then either returns normally (the task
// is not cancelled: its value is the handler's) or rethrows with `throw;`
// (the task ends cancelled and awaiting it throws CancelledError). The
// locals of the try block are destroyed before the handler runs, the
// handler's own after it. CPython's asyncio is the oracle for the order.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t --expect-python %S/Inputs/cancel-catch-cleanup.py %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> worker(int id, bool rethrow) {
  Tracer w("worker", id);
  try {
    Tracer t("try", id);
    AWAIT(awaitc::sleep(10));
    std::printf("not reached\n");
  } catch (...) {
    Tracer h("cleanup", id);
    std::printf("worker %d cleaning up\n", id);
    AWAIT(awaitc::sleep(1));
    AWAIT(awaitc::sleep(0));
    std::printf("worker %d cleaned up at %g\n", id, awaitc::loop_time());
    if (rethrow)
      throw;
    return -id;
  }
  return id;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<int> a = awaitc::create_task(worker(1, false));
  awaitc::Task<int> b = awaitc::create_task(worker(2, true));
  AWAIT(awaitc::sleep(0));
  bool cancelled_a = a.cancel();
  bool cancelled_b = b.cancel();
  std::printf("cancel a %d, b %d\n", cancelled_a, cancelled_b);
  int v = AWAIT(a);
  std::printf("a returned %d, cancelled %d\n", v, a.cancelled());
  try {
    AWAIT(b);
    std::printf("not reached\n");
  } catch (const awaitc::CancelledError &) {
    std::printf("b raised CancelledError, cancelled %d\n", b.cancelled());
  }
}

int main() {
  awaitc::RunOptions options;
  options.virtual_time = true;
  awaitc::run(main_coro(), options);
  print_live();
}

// CHECK: ctor worker1
// CHECK-NEXT: ctor try1
// CHECK-NEXT: ctor worker2
// CHECK-NEXT: ctor try2
// CHECK-NEXT: cancel a 1, b 1
// CHECK-NEXT: dtor try1
// CHECK-NEXT: ctor cleanup1
// CHECK-NEXT: worker 1 cleaning up
// CHECK-NEXT: dtor try2
// CHECK-NEXT: ctor cleanup2
// CHECK-NEXT: worker 2 cleaning up
// CHECK-NEXT: worker 1 cleaned up at 1
// CHECK-NEXT: dtor cleanup1
// CHECK-NEXT: dtor worker1
// CHECK-NEXT: worker 2 cleaned up at 1
// CHECK-NEXT: dtor cleanup2
// CHECK-NEXT: dtor worker2
// CHECK-NEXT: a returned -1, cancelled 0
// CHECK-NEXT: b raised CancelledError, cancelled 1
// CHECK-NEXT: live 0
// CHECK-EMPTY:
