// Temporaries in a full-expression that contains an AWAIT live until the end
// of the full-expression, across the suspension: a temporary passed by
// reference to an awaited coroutine, a temporary whose member function's
// argument awaits (C++17 sequences the object before the arguments), and
// temporaries in both operands of && and in a ?: branch (the untaken branch
// creates none). Each is destroyed once, at the end of its statement, in
// reverse order of construction.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

// Reads the referenced Tracer after suspending: the caller's temporary
// must still be alive.
AWAITC_ASYNC awaitc::Coro<int> read(const Tracer &t, int v) {
  AWAIT(awaitc::sleep(0));
  t.use();
  return v;
}

struct Sink {
  Tracer tracer;
  explicit Sink(const char *name) : tracer(name) {}
  int take(int v) const {
    tracer.use();
    return v;
  }
  bool ok() const { return true; }
};

AWAITC_ASYNC awaitc::Coro<void> temporaries() {
  int r = AWAIT(read(Tracer("arg"), 1));
  std::printf("r=%d\n", r);
  int s = Sink("sink").take(AWAIT(later(2)));
  std::printf("s=%d\n", s);
  bool both = Sink("left").ok() && AWAIT(later(1)) && Sink("right").ok();
  std::printf("both=%d\n", both);
  int c = AWAIT(later(0)) ? Sink("then").take(3) : Sink("else").take(4);
  std::printf("c=%d\n", c);
  std::printf("sum=%d\n", AWAIT(read(Tracer("a"), 10)) + 1);
}

int main() {
  std::printf("begin\n");
  awaitc::run(temporaries());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor arg
// CHECK-NEXT: use arg
// CHECK-NEXT: dtor arg
// CHECK-NEXT: r=1
// CHECK-NEXT: ctor sink
// CHECK-NEXT: use sink
// CHECK-NEXT: dtor sink
// CHECK-NEXT: s=2
// CHECK-NEXT: ctor left
// CHECK-NEXT: ctor right
// CHECK-NEXT: dtor right
// CHECK-NEXT: dtor left
// CHECK-NEXT: both=1
// CHECK-NEXT: ctor else
// CHECK-NEXT: use else
// CHECK-NEXT: dtor else
// CHECK-NEXT: c=4
// CHECK-NEXT: ctor a
// CHECK-NEXT: use a
// CHECK-NEXT: sum=11
// CHECK-NEXT: dtor a
// CHECK-NEXT: live 0
// CHECK-EMPTY:
