// wait_for() and sleep() with a std::chrono duration built in the AWAIT's
// own full-expression (`std::chrono::seconds(3)` materializes a `const int`
// temporary for duration's constructor): the generated code must compile
// warning-free (-Wignored-qualifiers). Bug E3 in the exceptions sweep.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <chrono>
#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> slow() {
  AWAIT(awaitc::sleep(std::chrono::seconds(10)));
  return 1;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(awaitc::sleep(std::chrono::milliseconds(500)));
  try {
    AWAIT(awaitc::wait_for(slow(), std::chrono::seconds(3)));
  } catch (const awaitc::TimeoutError &) {
    std::printf("timeout at %g\n", awaitc::loop_time());
  }
}

int main() {
  awaitc::RunOptions options;
  options.virtual_time = true;
  awaitc::run(main_coro(), options);
}

// CHECK: timeout at 3.5
// CHECK-EMPTY:
