// Cancellation and abandonment. A task cancelled while the generator it
// iterates waits in an AWAIT of its own: CancelledError is thrown in the
// generator at that AWAIT (its handler runs, its locals die innermost
// first), then at the consumer's AWAIT_EACH, whose loop variable and body
// locals are gone already (the generator's AWAIT is between iterations).
// A task cancelled while the loop's body waits: the body's locals, then the
// loop variable, then the generator (at its YIELD, no CancelledError in it).
// A generator dropped while suspended after a next() by hand, and one
// reassigned: their locals are destroyed then. Built at -O2 too.
// RUN: %run-both %{strict-warnings} --out %t --expect-python %S/Inputs/cancel-abandon.py %s | FileCheck --match-full-lines %s
// RUN: %run-both %{strict-warnings} --cxxflag=-O2 --out %t.O2 --expect-python %S/Inputs/cancel-abandon.py %s > /dev/null
#include "../statements/Inputs/tracer.h"

#include <optional>

AWAITC_ASYNC awaitc::AsyncGenerator<int> source(const char *name,
                                                bool wait_in_gen) {
  Tracer outer(name);
  for (int i = 0; i < 3; ++i) {
    Tracer inner("item", i);
    try {
      if (wait_in_gen && i == 1)
        AWAIT(awaitc::sleep(10));
      else
        AWAIT(awaitc::sleep(0));
    } catch (const awaitc::CancelledError &) {
      std::printf("%s: CancelledError in the generator\n", name);
      throw;
    }
    YIELD(i);
  }
}

AWAITC_ASYNC awaitc::Coro<void> consumer(const char *name, bool wait_in_gen) {
  Tracer before("consumer");
  try {
    for (int v : AWAIT_EACH(source(name, wait_in_gen))) {
      Tracer body("body", v);
      if (!wait_in_gen)
        AWAIT(awaitc::sleep(10));
    }
  } catch (const awaitc::CancelledError &) {
    std::printf("%s: CancelledError in the consumer\n", name);
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  const char *names[] = {"in-gen", "in-body"};
  for (int i = 0; i < 2; ++i) {
    awaitc::Task<void> t = awaitc::create_task(consumer(names[i], i == 0));
    AWAIT(awaitc::sleep(1));
    std::printf("cancel %s\n", names[i]);
    t.cancel();
    try {
      AWAIT(t);
    } catch (const awaitc::CancelledError &) {
      std::printf("%s cancelled\n", names[i]);
    }
  }
  std::printf("-- dropped\n");
  {
    awaitc::AsyncGenerator<int> g = source("dropped", false);
    std::optional<int> v = AWAIT(g.next());
    std::printf("got %d, drop\n", v.value_or(-1));
  }
  std::printf("-- reassigned\n");
  awaitc::AsyncGenerator<int> g = source("first", false);
  std::printf("got %d\n", AWAIT(g.next()).value_or(-1));
  g = source("second", false);
  std::printf("got %d\n", AWAIT(g.next()).value_or(-1));
  std::printf("end of main\n");
}

int main() {
  awaitc::RunOptions options;
  options.virtual_time = true;
  awaitc::run(main_coro(), options);
  print_live();
}

// CHECK: ctor consumer
// CHECK-NEXT: ctor in-gen
// CHECK-NEXT: ctor item0
// CHECK-NEXT: ctor body0
// CHECK-NEXT: dtor body0
// CHECK-NEXT: dtor item0
// CHECK-NEXT: ctor item1
// CHECK-NEXT: cancel in-gen
// CHECK-NEXT: in-gen: CancelledError in the generator
// CHECK-NEXT: dtor item1
// CHECK-NEXT: dtor in-gen
// CHECK-NEXT: in-gen: CancelledError in the consumer
// CHECK-NEXT: dtor consumer
// CHECK-NEXT: in-gen cancelled
// CHECK-NEXT: ctor consumer
// CHECK-NEXT: ctor in-body
// CHECK-NEXT: ctor item0
// CHECK-NEXT: ctor body0
// CHECK-NEXT: cancel in-body
// CHECK-NEXT: dtor body0
// CHECK-NEXT: dtor item0
// CHECK-NEXT: dtor in-body
// CHECK-NEXT: in-body: CancelledError in the consumer
// CHECK-NEXT: dtor consumer
// CHECK-NEXT: in-body cancelled
// CHECK-NEXT: -- dropped
// CHECK-NEXT: ctor dropped
// CHECK-NEXT: ctor item0
// CHECK-NEXT: got 0, drop
// CHECK-NEXT: dtor item0
// CHECK-NEXT: dtor dropped
// CHECK-NEXT: -- reassigned
// CHECK-NEXT: ctor first
// CHECK-NEXT: ctor item0
// CHECK-NEXT: got 0
// CHECK-NEXT: dtor item0
// CHECK-NEXT: dtor first
// CHECK-NEXT: ctor second
// CHECK-NEXT: ctor item0
// CHECK-NEXT: got 0
// CHECK-NEXT: end of main
// CHECK-NEXT: dtor item0
// CHECK-NEXT: dtor second
// CHECK-NEXT: live 0
