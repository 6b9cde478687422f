// What an annotated lambda's frame holds: each call copies the copy
// captures into its own state machine (so the coroutine never refers to a
// closure that may be gone, the pitfall of C++20 coroutine lambdas),
// reference captures stay references, and a mutable lambda's coroutine
// changes its own copies, not the closure's. The copies die with the frame:
// when the coroutine finishes, or when its suspended task is cancelled.
// RUN: %run-both %{strict-warnings} --no-cxx20 'annotated lambdas that capture: no C++20 equivalent' --out %t %s | FileCheck --match-full-lines %s
// RUN: %awaitc %s --no-line-directives -- -std=c++17 -I%awaitc-include | FileCheck --check-prefix=CODE %s
#include <awaitc/awaitc.h>

#include <cstdio>

// Copyable, traced: "ctor P1", "copy P2 of P1", "dtor P2".
struct Probe {
  explicit Probe(int v) : id(++last()), value(v) {
    std::printf("ctor P%d\n", id);
  }
  Probe(const Probe &o) : id(++last()), value(o.value) {
    std::printf("copy P%d of P%d\n", id, o.id);
  }
  Probe(Probe &&o) : id(++last()), value(o.value) {
    std::printf("move P%d of P%d\n", id, o.id);
  }
  ~Probe() { std::printf("dtor P%d\n", id); }
  static int &last() {
    static int n = 0;
    return n;
  }
  int id;
  int value;
};

awaitc::Task<int> start(int &shared) {
  Probe probe(7);
  // CODE: class lambda_frame final : public awaitc::detail::CoroFrame<int> {
  // CODE: lambda_frame(Probe probe, int & shared) : probe(std::move(probe)), shared(shared) {}
  // CODE: const Probe probe; // copy of a capture
  // CODE: int & shared; // captured by reference
  return awaitc::create_task(
      [probe, &shared]() AWAITC_ASYNC -> awaitc::Coro<int> {
        AWAIT(awaitc::sleep(0));
        std::printf("task sees P%d value %d, shared %d\n", probe.id,
                    probe.value, shared);
        return probe.value + shared;
      }());
}

AWAITC_ASYNC awaitc::Coro<void> closures_that_die() {
  int shared = 1;
  awaitc::Task<int> task = start(shared);
  std::printf("started\n");
  shared = 2; // seen by the task: a reference capture
  std::printf("result %d\n", AWAIT(task));
}
// CHECK-LABEL: closures_that_die
// CHECK-NEXT: ctor P1
// CHECK-NEXT: copy P2 of P1
// CHECK-NEXT: copy P3 of P2
// CHECK-NEXT: move P4 of P3
// CHECK-NEXT: dtor P3
// CHECK-NEXT: dtor P2
// CHECK-NEXT: dtor P1
// CHECK-NEXT: started
// CHECK-NEXT: task sees P4 value 7, shared 2
// CHECK-NEXT: dtor P4
// CHECK-NEXT: result 9

void mutable_copies() {
  auto count = [n = 0]() AWAITC_ASYNC mutable -> awaitc::Coro<int> {
    ++n;
    AWAIT(awaitc::sleep(0));
    return n;
  };
  int first = awaitc::run(count());
  int second = awaitc::run(count());
  std::printf("count %d %d\n", first, second);
}
// CHECK-LABEL: mutable_copies
// CHECK-NEXT: count 1 1

awaitc::Coro<void> holder(const Probe &probe) {
  return [probe]() AWAITC_ASYNC -> awaitc::Coro<void> {
    AWAIT(awaitc::sleep(10));
    std::printf("not reached %d\n", probe.value);
  }();
}

AWAITC_ASYNC awaitc::Coro<void> cancelled() {
  Probe probe(3);
  awaitc::Task<void> task = awaitc::create_task(holder(probe));
  AWAIT(awaitc::sleep(0));
  std::printf("cancel\n");
  task.cancel();
  try {
    AWAIT(task);
  } catch (const awaitc::CancelledError &) {
    std::printf("cancelled\n");
  }
}
// CHECK-LABEL: cancelled
// CHECK-NEXT: ctor P5
// CHECK-NEXT: copy P6 of P5
// CHECK-NEXT: copy P7 of P6
// CHECK-NEXT: move P8 of P7
// CHECK-NEXT: dtor P7
// CHECK-NEXT: dtor P6
// CHECK-NEXT: cancel
// CHECK-NEXT: dtor P8
// CHECK-NEXT: cancelled
// CHECK-NEXT: dtor P5

int main() {
  std::printf("closures_that_die\n");
  awaitc::run(closures_that_die());
  std::printf("mutable_copies\n");
  mutable_copies();
  std::printf("cancelled\n");
  awaitc::run(cancelled());
}
