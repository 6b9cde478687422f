// wait_for(): a coroutine that finishes in time gives its value (one loop
// iteration later than awaiting a task would, as asyncio.wait_for); one
// that does not is cancelled (its handler runs and its locals are
// destroyed) before TimeoutError is thrown at the timeout; a task awaited
// with a std::chrono timeout; a zero timeout on a task not yet started (its
// body never runs); and cancelling the task that waits cancels the inner
// one. CPython 3.11 is the oracle (its twin uses a virtual clock).
// RUN: %run-both %{strict-warnings} --out %t --expect-python %S/Inputs/wait-for.py %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

#include <chrono>
#include <stdexcept>

AWAITC_ASYNC awaitc::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<int> work(const char *name, double seconds, int v) {
  Tracer t(name);
  try {
    AWAIT(awaitc::sleep(seconds));
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled at %g\n", name, awaitc::loop_time());
    throw;
  }
  std::printf("%s finished at %g\n", name, awaitc::loop_time());
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> waiter(awaitc::Task<int> inner) {
  try {
    AWAIT(awaitc::wait_for(inner, 50));
  } catch (const awaitc::CancelledError &) {
    std::printf("waiter cancelled, inner cancelled %d\n", inner.cancelled());
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  (void)awaitc::create_task(ticker(4)); // runs on its own (Task is [[nodiscard]])
  int v = AWAIT(awaitc::wait_for(work("quick", 0, 1), 5));
  std::printf("quick gave %d at %g\n", v, awaitc::loop_time());

  try {
    v = AWAIT(awaitc::wait_for(work("slow", 10, 2), 1.5));
    std::printf("not reached %d\n", v);
  } catch (const awaitc::TimeoutError &) {
    std::printf("TimeoutError at %g\n", awaitc::loop_time());
  }

  awaitc::Task<int> task = awaitc::create_task(work("task", 2, 3));
  const std::chrono::seconds limit(3);
  v = AWAIT(awaitc::wait_for(task, limit));
  std::printf("task gave %d at %g\n", v, awaitc::loop_time());

  try {
    AWAIT(awaitc::wait_for(work("never", 1, 4), 0));
  } catch (const std::exception &e) {
    std::printf("zero timeout: %s\n", e.what());
  }

  awaitc::Task<int> inner = awaitc::create_task(work("inner", 100, 5));
  awaitc::Task<void> w = awaitc::create_task(waiter(inner));
  AWAIT(awaitc::sleep(1));
  w.cancel();
  try {
    AWAIT(w);
  } catch (const awaitc::CancelledError &) {
    std::printf("waiter task cancelled %d at %g\n", w.cancelled(),
                awaitc::loop_time());
  }
}

int main() {
  awaitc::RunOptions options;
  options.virtual_time = true;
  awaitc::run(main_coro(), options);
  print_live();
}

// CHECK: tick 0
// CHECK-NEXT: ctor quick
// CHECK-NEXT: tick 1
// CHECK-NEXT: quick finished at 0
// CHECK-NEXT: dtor quick
// CHECK-NEXT: tick 2
// CHECK-NEXT: tick 3
// CHECK-NEXT: quick gave 1 at 0
// CHECK-NEXT: ctor slow
// CHECK-NEXT: slow cancelled at 1.5
// CHECK-NEXT: dtor slow
// CHECK-NEXT: TimeoutError at 1.5
// CHECK-NEXT: ctor task
// CHECK-NEXT: task finished at 3.5
// CHECK-NEXT: dtor task
// CHECK-NEXT: task gave 3 at 3.5
// CHECK-NEXT: zero timeout: awaitc::TimeoutError
// CHECK-NEXT: ctor inner
// CHECK-NEXT: inner cancelled at 4.5
// CHECK-NEXT: dtor inner
// CHECK-NEXT: waiter cancelled, inner cancelled 1
// CHECK-NEXT: waiter task cancelled 1 at 4.5
// CHECK-NEXT: live 0
// CHECK-EMPTY:
