// Frames destroyed while suspended inside a handler that suspends: the
// handler's locals are destroyed first, then the caught exception (the
// frame's saved copy of it is released: the exception object's destructor
// runs exactly once), then the locals around the try statement. For a task
// pending when its loop is destroyed (suspended in a handler of the
// coroutine it awaits, inside a handler of its own), and for a generator
// abandoned at a YIELD in a handler. Run under the sanitizers too.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

// An exception type that traces its lifetime (copies included).
struct Failure {
  explicit Failure(const char *n) : name(n) {
    ++live;
    std::printf("ctor Failure %s\n", name);
  }
  Failure(const Failure &other) : name(other.name) {
    ++live;
    std::printf("copy Failure %s\n", name);
  }
  ~Failure() {
    --live;
    std::printf("dtor Failure %s\n", name);
  }
  const char *name;
  static int live;
};
int Failure::live = 0;

AWAITC_ASYNC awaitc::Coro<void> child() {
  Tracer c("child");
  try {
    Tracer t("child-try");
    AWAIT(awaitc::sleep(0));
    throw Failure("inner");
  } catch (const Failure &f) {
    Tracer h("child-handler");
    AWAIT(awaitc::sleep(0));
    std::printf("child handling %s\n", f.name);
    AWAIT(awaitc::sleep(100));
    std::printf("not reached\n");
  }
}

AWAITC_ASYNC awaitc::Coro<void> root() {
  Tracer r("root");
  try {
    throw Failure("outer");
  } catch (Failure &f) {
    Tracer h("root-handler");
    AWAIT(awaitc::sleep(0));
    std::printf("root handling %s\n", f.name);
    AWAIT(child());
    std::printf("not reached\n");
  }
}

AWAITC_GENERATOR awaitc::Generator<int> numbers() {
  Tracer g("gen");
  try {
    throw Failure("gen");
  } catch (const Failure &f) {
    Tracer h("gen-handler");
    YIELD(1);
    std::printf("gen handling %s\n", f.name);
    YIELD(2);
    std::printf("not reached\n");
  }
}

int main() {
  {
    awaitc::EventLoop loop;
    awaitc::Task<void> task = awaitc::create_task(root());
    // Four turns of the loop park the child at its long sleep; one more
    // would block until that timer is due.
    for (int i = 0; i < 4; ++i)
      loop.run_once();
    std::printf("destroying the loop\n");
  }
  std::printf("live %d, failures %d\n", Tracer::live(), Failure::live);
  for (int v : numbers()) {
    std::printf("got %d\n", v);
    if (v == 2)
      break;
  }
  std::printf("failures %d\n", Failure::live);
  print_live();
}

// CHECK: ctor root
// CHECK-NEXT: ctor Failure outer
// CHECK-NEXT: ctor root-handler
// CHECK-NEXT: root handling outer
// CHECK-NEXT: ctor child
// CHECK-NEXT: ctor child-try
// CHECK-NEXT: ctor Failure inner
// CHECK-NEXT: dtor child-try
// CHECK-NEXT: ctor child-handler
// CHECK-NEXT: child handling inner
// CHECK-NEXT: destroying the loop
// CHECK-NEXT: dtor child-handler
// CHECK-NEXT: dtor Failure inner
// CHECK-NEXT: dtor child
// CHECK-NEXT: dtor root-handler
// CHECK-NEXT: dtor Failure outer
// CHECK-NEXT: dtor root
// CHECK-NEXT: live 0, failures 0
// CHECK-NEXT: ctor gen
// CHECK-NEXT: ctor Failure gen
// CHECK-NEXT: ctor gen-handler
// CHECK-NEXT: got 1
// CHECK-NEXT: gen handling gen
// CHECK-NEXT: got 2
// CHECK-NEXT: dtor gen-handler
// CHECK-NEXT: dtor Failure gen
// CHECK-NEXT: dtor gen
// CHECK-NEXT: failures 0
// CHECK-NEXT: live 0
// CHECK-EMPTY:
