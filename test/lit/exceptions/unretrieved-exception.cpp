// A task whose exception is never retrieved is reported on standard error
// when it is destroyed (asyncio's "Task exception was never retrieved");
// one whose exception was awaited, caught, or taken with exception(), and
// a cancelled one, are not.
// RUN: %run-both %{strict-warnings} --out %t %s 2>&1 | FileCheck --match-full-lines %s
// The report comes when the last handle goes, between the program's lines
// (under the sanitizers %run-both builds clang++'s state machines only):
// RUN: %if !sanitize %{ %t.gcc 2>&1 | FileCheck --match-full-lines --check-prefix=ORDER %s %}
// RUN: %t.clang 2>&1 | FileCheck --match-full-lines --check-prefix=ORDER %s
// RUN: %if !sanitize %{ %t.cxx20 2>&1 | FileCheck --match-full-lines --check-prefix=ORDER %s %}
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>

AWAITC_ASYNC awaitc::Coro<int> fail(const char *what) {
  AWAIT(awaitc::sleep(0));
  throw std::runtime_error(what);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  {
    awaitc::Task<int> lost = awaitc::create_task(fail("lost one"));
    AWAIT(awaitc::sleep(0));
    AWAIT(awaitc::sleep(0));
    std::printf("lost done %d\n", lost.done());
    std::fflush(stdout);
  } // the last handle goes: reported here
  std::printf("after lost\n");
  std::fflush(stdout);
  awaitc::Task<int> awaited = awaitc::create_task(fail("awaited"));
  try {
    AWAIT(awaited);
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
  }
  awaitc::Task<int> inspected = awaitc::create_task(fail("inspected"));
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  std::printf("exception() set %d\n", inspected.exception() != nullptr);
  awaitc::Task<int> cancelled = awaitc::create_task(fail("cancelled"));
  cancelled.cancel();
  AWAIT(awaitc::sleep(0));
  std::printf("end\n");
}

int main() {
  awaitc::run(main_coro());
  std::printf("after run\n");
}

// run-both reports each build's standard error, then prints the common
// standard output. The clang++ build is the one every configuration makes;
// the ORDER runs check the others' reports.
// CHECK: --- stderr of the clang build ---
// CHECK-NEXT: awaitc: Task exception was never retrieved: lost one
// CHECK:      lost done 1
// CHECK-NEXT: after lost
// CHECK-NEXT: caught awaited
// CHECK-NEXT: exception() set 1
// CHECK-NEXT: end
// CHECK-NEXT: after run
// CHECK-EMPTY:

// ORDER: lost done 1
// ORDER-NEXT: awaitc: Task exception was never retrieved: lost one
// ORDER-NEXT: after lost
// ORDER-NEXT: caught awaited
// ORDER-NEXT: exception() set 1
// ORDER-NEXT: end
// ORDER-NEXT: after run
// ORDER-EMPTY:
