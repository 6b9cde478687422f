// A task cancelled while it awaits a child coroutine (AWAIT(coro) runs the
// child inside the task): CancelledError is thrown at the child's
// suspension point, the child's locals are destroyed (innermost first), the
// child's handler runs, and the exception reaches the parent's handler,
// which can await before finishing.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t --expect-python %S/Inputs/cancel-awaiting-child.py %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> grandchild() {
  Tracer g("grandchild");
  AWAIT(awaitc::sleep(100));
  return 1;
}

AWAITC_ASYNC awaitc::Coro<int> child() {
  Tracer c("child");
  try {
    Tracer t("child-try");
    return AWAIT(grandchild()) + 1;
  } catch (const awaitc::CancelledError &) {
    std::printf("child handler\n");
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<int> parent() {
  Tracer p("parent");
  try {
    int v = AWAIT(child());
    std::printf("not reached %d\n", v);
  } catch (const awaitc::CancelledError &) {
    std::printf("parent handler at %g\n", awaitc::loop_time());
    AWAIT(awaitc::sleep(2));
    std::printf("parent done at %g\n", awaitc::loop_time());
  }
  return 7;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<int> t = awaitc::create_task(parent());
  AWAIT(awaitc::sleep(3));
  std::printf("cancel %d\n", t.cancel());
  int v = AWAIT(t);
  std::printf("parent returned %d, cancelled %d\n", v, t.cancelled());
}

int main() {
  awaitc::RunOptions options;
  options.virtual_time = true;
  awaitc::run(main_coro(), options);
  print_live();
}

// CHECK: ctor parent
// CHECK-NEXT: ctor child
// CHECK-NEXT: ctor child-try
// CHECK-NEXT: ctor grandchild
// CHECK-NEXT: cancel 1
// CHECK-NEXT: dtor grandchild
// CHECK-NEXT: dtor child-try
// CHECK-NEXT: child handler
// CHECK-NEXT: dtor child
// CHECK-NEXT: parent handler at 3
// CHECK-NEXT: parent done at 5
// CHECK-NEXT: dtor parent
// CHECK-NEXT: parent returned 7, cancelled 0
// CHECK-NEXT: live 0
// CHECK-EMPTY:
