// A coroutine that is never awaited nor scheduled is reported on standard
// error when its Coro is destroyed, with the function's name (a lambda's is
// its variable's), as asyncio's "RuntimeWarning: coroutine 'name' was never
// awaited", by the state machines and the C++20 build alike; awaited,
// scheduled (even when cancelled before it starts), moved-from and finished
// ones are not, nor are generators that are never iterated (Python does not
// report those either). The report comes where the Coro is destroyed,
// between the program's lines (under the sanitizers %run-both builds
// clang++'s state machines only).
// RUN: %run-both --out %t %s | FileCheck --match-full-lines --check-prefix=OUT %s
// RUN: %if !sanitize %{ %t.gcc 2>&1 | FileCheck --match-full-lines %s %}
// RUN: %t.clang 2>&1 | FileCheck --match-full-lines %s
// RUN: %if !sanitize %{ %t.cxx20 2>&1 | FileCheck --match-full-lines %s %}
#include <awaitc/awaitc.h>

#include <cstdio>
#include <utility>

AWAITC_ASYNC awaitc::Coro<int> save(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> notify() { std::printf("notify runs\n"); }

AWAITC_GENERATOR awaitc::Generator<int> numbers() { YIELD(1); }

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("start\n");
  // CHECK: start
  (void)save(1); // a forgotten AWAIT, silenced for -Werror
  // CHECK-NEXT: awaitc: RuntimeWarning: coroutine 'save' was never awaited
  std::printf("after forgotten\n");
  // CHECK-NEXT: after forgotten
  {
    awaitc::Coro<void> kept = notify();
    std::printf("kept\n");
  }
  // CHECK-NEXT: kept
  // CHECK-NEXT: awaitc: RuntimeWarning: coroutine 'notify' was never awaited
  auto later = [](int n) AWAITC_ASYNC -> awaitc::Coro<int> { return n; };
  (void)later(4);
  // CHECK-NEXT: awaitc: RuntimeWarning: coroutine 'later' was never awaited

  int v = AWAIT(save(2));
  awaitc::Coro<int> first = save(3);
  awaitc::Coro<int> second = std::move(first);
  v += AWAIT(std::move(second));
  awaitc::Task<void> task = awaitc::create_task(notify());
  awaitc::Task<void> cancelled = awaitc::create_task(notify());
  cancelled.cancel();
  AWAIT(awaitc::sleep(0));
  {
    awaitc::Generator<int> unused = numbers();
  }
  std::printf("v = %d\n", v);
  // CHECK-NEXT: notify runs
  // CHECK-NEXT: v = 5
}
// OUT: start
// OUT-NEXT: after forgotten
// OUT-NEXT: kept
// OUT-NEXT: notify runs
// OUT-NEXT: v = 5

int main() {
  std::setvbuf(stdout, nullptr, _IONBF, 0); // interleave with the reports
  awaitc::run(main_coro());
}
