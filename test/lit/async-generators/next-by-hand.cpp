// AsyncGenerator by hand: lazy (nothing runs before the first next()), the
// body's AWAITs run inside the awaiting task with no extra loop hop, next()
// gives the values then an empty optional, again and again after the end.
// The body's locals are destroyed when it finishes.
// RUN: %run-both %{strict-warnings} --out %t --expect-python %S/Inputs/next-by-hand.py %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

#include <optional>

AWAITC_ASYNC awaitc::AsyncGenerator<int> numbers(int n) {
  Tracer t("gen", n);
  std::printf("gen start\n");
  for (int i = 0; i < n; ++i) {
    AWAIT(awaitc::sleep(0));
    std::printf("gen yields %d\n", i);
    YIELD(i * 10);
  }
  std::printf("gen end\n");
}

AWAITC_ASYNC awaitc::Coro<void> other() {
  for (int i = 0; i < 3; ++i) {
    std::printf("other %d\n", i);
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<void> t = awaitc::create_task(other());
  awaitc::AsyncGenerator<int> g = numbers(2);
  std::printf("created\n");
  for (;;) {
    std::optional<int> v = AWAIT(g.next());
    if (!v)
      break;
    std::printf("got %d\n", *v);
  }
  std::optional<int> again = AWAIT(g.next());
  std::printf("again empty %d\n", again.has_value() ? 0 : 1);
  AWAIT(t);
}

int main() {
  awaitc::run(main_coro());
  print_live();
}

// CHECK: created
// CHECK-NEXT: ctor gen2
// CHECK-NEXT: gen start
// CHECK-NEXT: other 0
// CHECK-NEXT: gen yields 0
// CHECK-NEXT: got 0
// CHECK-NEXT: other 1
// CHECK-NEXT: gen yields 1
// CHECK-NEXT: got 10
// CHECK-NEXT: gen end
// CHECK-NEXT: dtor gen2
// CHECK-NEXT: again empty 1
// CHECK-NEXT: other 2
// CHECK-NEXT: live 0
