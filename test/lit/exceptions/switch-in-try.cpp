// A switch inside a try block, with AWAIT in its cases (and a fall-through
// across a suspension); a case throws after suspending and the handler,
// which suspends too, sees the exception.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

#include <stdexcept>

AWAITC_ASYNC awaitc::Coro<int> classify(int x) {
  int result = 0;
  try {
    Tracer t("try", x);
    switch (x) {
    case 0:
      AWAIT(awaitc::sleep(0));
      result = 100;
      break;
    case 1: {
      Tracer c("case", x);
      AWAIT(awaitc::sleep(0));
      result += 1;
    }
      [[fallthrough]];
    case 2:
      AWAIT(awaitc::sleep(0));
      result += 20;
      break;
    case 3:
      AWAIT(awaitc::sleep(0));
      throw std::invalid_argument("three");
    default:
      result = -1;
    }
    std::printf("switch done %d\n", result);
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
    AWAIT(awaitc::sleep(0));
    result = -3;
  }
  return result;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  for (int x = 0; x < 5; ++x)
    std::printf("classify %d -> %d\n", x, AWAIT(classify(x)));
}

int main() {
  awaitc::run(main_coro());
  print_live();
}

// CHECK: ctor try0
// CHECK-NEXT: switch done 100
// CHECK-NEXT: dtor try0
// CHECK-NEXT: classify 0 -> 100
// CHECK-NEXT: ctor try1
// CHECK-NEXT: ctor case1
// CHECK-NEXT: dtor case1
// CHECK-NEXT: switch done 21
// CHECK-NEXT: dtor try1
// CHECK-NEXT: classify 1 -> 21
// CHECK-NEXT: ctor try2
// CHECK-NEXT: switch done 20
// CHECK-NEXT: dtor try2
// CHECK-NEXT: classify 2 -> 20
// CHECK-NEXT: ctor try3
// CHECK-NEXT: dtor try3
// CHECK-NEXT: caught three
// CHECK-NEXT: classify 3 -> -3
// CHECK-NEXT: ctor try4
// CHECK-NEXT: switch done -1
// CHECK-NEXT: dtor try4
// CHECK-NEXT: classify 4 -> -1
// CHECK-NEXT: live 0
// CHECK-EMPTY:
