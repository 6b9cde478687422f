// Loops inside a try block, with AWAIT in the loop bodies: an exception
// thrown from an awaited coroutine in the middle of the loop leaves the loop
// (the body's locals, then the try block's, destroyed in reverse order)
// and reaches the handler; a second loop awaits inside the handler.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

#include <stdexcept>

AWAITC_ASYNC awaitc::Coro<int> check(int i) {
  Tracer c("check", i);
  AWAIT(awaitc::sleep(0));
  if (i == 2)
    throw std::out_of_range("too far");
  return i;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  try {
    Tracer t("try");
    for (int i = 0; i < 5; ++i) {
      Tracer b("body", i);
      int v = AWAIT(check(i));
      std::printf("checked %d\n", v);
    }
    std::printf("not reached\n");
  } catch (const std::logic_error &e) {
    std::printf("caught %s\n", e.what());
    int j = 0;
    do {
      Tracer h("handler", j);
      AWAIT(awaitc::sleep(0));
      std::printf("handler %d %s\n", j, e.what());
    } while (++j < 2);
  }
  std::printf("after\n");
}

int main() {
  awaitc::run(main_coro());
  print_live();
}

// CHECK: ctor try
// CHECK-NEXT: ctor body0
// CHECK-NEXT: ctor check0
// CHECK-NEXT: dtor check0
// CHECK-NEXT: checked 0
// CHECK-NEXT: dtor body0
// CHECK-NEXT: ctor body1
// CHECK-NEXT: ctor check1
// CHECK-NEXT: dtor check1
// CHECK-NEXT: checked 1
// CHECK-NEXT: dtor body1
// CHECK-NEXT: ctor body2
// CHECK-NEXT: ctor check2
// CHECK-NEXT: dtor check2
// CHECK-NEXT: dtor body2
// CHECK-NEXT: dtor try
// CHECK-NEXT: caught too far
// CHECK-NEXT: ctor handler0
// CHECK-NEXT: handler 0 too far
// CHECK-NEXT: dtor handler0
// CHECK-NEXT: ctor handler1
// CHECK-NEXT: handler 1 too far
// CHECK-NEXT: dtor handler1
// CHECK-NEXT: after
// CHECK-NEXT: live 0
// CHECK-EMPTY:
