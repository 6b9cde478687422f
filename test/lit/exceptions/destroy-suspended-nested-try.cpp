// Frames destroyed while suspended inside nested try blocks: a task still
// pending when its event loop is destroyed (its root frame and the frame of
// the coroutine it awaits, both suspended three try blocks deep), and a
// generator abandoned at a YIELD inside nested try blocks. Every live local
// is destroyed exactly once, innermost frame first, in reverse order of
// construction; no handler runs (destruction is not an exception); nothing
// leaks (the sanitizer build runs this too).
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

#include <stdexcept>

AWAITC_ASYNC awaitc::Coro<int> child() {
  Tracer c("child");
  try {
    Tracer c1("child-try1");
    try {
      Tracer c2("child-try2");
      AWAIT(awaitc::sleep(0));
      try {
        Tracer c3("child-try3");
        AWAIT(awaitc::sleep(100));
        std::printf("not reached\n");
      } catch (...) {
        std::printf("BAD handler 3\n");
      }
    } catch (const std::exception &) {
      std::printf("BAD handler 2\n");
    }
  } catch (...) {
    std::printf("BAD handler 1\n");
  }
  return 1;
}

AWAITC_ASYNC awaitc::Coro<void> root() {
  Tracer r("root");
  try {
    Tracer r1("root-try1");
    try {
      Tracer r2("root-try2");
      AWAIT(awaitc::sleep(0));
      try {
        Tracer r3("root-try3");
        std::printf("child gave %d\n", AWAIT(child()));
      } catch (...) {
        std::printf("BAD root handler 3\n");
      }
    } catch (...) {
      std::printf("BAD root handler 2\n");
    }
  } catch (...) {
    std::printf("BAD root handler 1\n");
  }
}

AWAITC_GENERATOR awaitc::Generator<int> numbers() {
  Tracer g("gen");
  try {
    Tracer g1("gen-try1");
    YIELD(1);
    try {
      Tracer g2("gen-try2");
      YIELD(2);
      std::printf("not reached\n");
    } catch (...) {
      std::printf("BAD gen handler 2\n");
    }
  } catch (...) {
    std::printf("BAD gen handler 1\n");
  }
}

int main() {
  {
    awaitc::EventLoop loop;
    awaitc::Task<void> task = awaitc::create_task(root());
    // Three turns of the loop park the child at its long sleep; one more
    // would block until that timer is due.
    for (int i = 0; i < 3; ++i)
      loop.run_once();
    std::printf("task done %d; destroying the loop\n", task.done());
  }
  std::printf("live after the loop %d\n", Tracer::live());
  for (int v : numbers()) {
    std::printf("got %d\n", v);
    if (v == 2)
      break;
  }
  print_live();
}

// CHECK: ctor root
// CHECK-NEXT: ctor root-try1
// CHECK-NEXT: ctor root-try2
// CHECK-NEXT: ctor root-try3
// CHECK-NEXT: ctor child
// CHECK-NEXT: ctor child-try1
// CHECK-NEXT: ctor child-try2
// CHECK-NEXT: ctor child-try3
// CHECK-NEXT: task done 0; destroying the loop
// CHECK-NEXT: dtor child-try3
// CHECK-NEXT: dtor child-try2
// CHECK-NEXT: dtor child-try1
// CHECK-NEXT: dtor child
// CHECK-NEXT: dtor root-try3
// CHECK-NEXT: dtor root-try2
// CHECK-NEXT: dtor root-try1
// CHECK-NEXT: dtor root
// CHECK-NEXT: live after the loop 0
// CHECK-NEXT: ctor gen
// CHECK-NEXT: ctor gen-try1
// CHECK-NEXT: got 1
// CHECK-NEXT: ctor gen-try2
// CHECK-NEXT: got 2
// CHECK-NEXT: dtor gen-try2
// CHECK-NEXT: dtor gen-try1
// CHECK-NEXT: dtor gen
// CHECK-NEXT: live 0
// CHECK-EMPTY:
