// User code that follows generated code in the output is still mapped to the
// user's lines: a handler that does not suspend inside a try that does, a
// handler that suspends, an else branch after a then-branch that suspends, a
// do-while condition after a body that suspends, the statement on the line
// after its `if`. __LINE__ there prints the line it was written on.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t %s | FileCheck --match-full-lines %s
// RUN: %python %tools/check-line-map.py --awaitc %awaitc --include %awaitc-include %s | FileCheck --check-prefix=MAP %s
// MAP: checked 1 transformed sources, 0 problems
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>

AWAITC_ASYNC awaitc::Coro<int> one() { return 1; }

AWAITC_ASYNC awaitc::Coro<void> lines() {
  try {
    int v = AWAIT(one());
    if (v) throw std::runtime_error("a");
  } catch (const std::logic_error &) {
    std::printf("unreached %d\n", __LINE__);
  } catch (const std::exception &e) {
    std::printf("%s %d\n", e.what(), __LINE__); // CHECK: a [[@LINE]]
  }
  try {
    AWAIT(one());
    throw std::runtime_error("b");
  }
  catch (const std::exception &e)
  {
    std::printf("%s %d\n", e.what(), __LINE__); // CHECK-NEXT: b [[@LINE]]
  }
  try {
    throw std::runtime_error("c");
  } catch (const std::exception &e) {
    std::printf("%s %d\n", e.what(), __LINE__); // CHECK-NEXT: c [[@LINE]]
    AWAIT(one());
    std::printf("%s %d\n", e.what(), __LINE__); // CHECK-NEXT: c [[@LINE]]
  }
  if (AWAIT(one()) == 0) {
    AWAIT(one());
  } else {
    std::printf("else %d\n", __LINE__); // CHECK-NEXT: else [[@LINE]]
  }
  int n = 0;
  do {
    n += AWAIT(one());
  } while (std::printf("condition %d\n", __LINE__) && n < 2);
  // CHECK-NEXT: condition [[@LINE-1]]
  // CHECK-NEXT: condition [[@LINE-2]]
  if (AWAIT(one()))
    std::printf("then %d\n", __LINE__); // CHECK-NEXT: then [[@LINE]]
}

int main() { awaitc::run(lines()); }
