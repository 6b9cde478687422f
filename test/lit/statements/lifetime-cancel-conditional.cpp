// A task cancelled while suspended with temporaries of an operand of ?:
// alive (one that suspended, and one that did not, before a later AWAIT of
// the same full-expression): the CancelledError destroys the temporaries
// of the operand that ran, once, and none of the operand that did not.
// Expected output derived by hand from C++'s rules: the temporaries of an
// evaluated operand live to the end of the full-expression.
// RUN: %run-both --no-cxx20 'the order of the arguments of value_of is unspecified: clang constructs the Tracer before the AWAIT' --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> one() {
  AWAIT(awaitc::sleep(0));
  return 1;
}

AWAITC_ASYNC awaitc::Coro<int> slow() {
  AWAIT(awaitc::sleep(10));
  return 1;
}

static int value_of(const Tracer &t, int v) {
  t.use();
  return v;
}

AWAITC_ASYNC awaitc::Coro<int> suspending_arm(int c) {
  int x = (c ? value_of(Tracer("arm", c), AWAIT(one())) : 0) + AWAIT(slow());
  std::printf("not reached %d\n", x);
  return x;
}

AWAITC_ASYNC awaitc::Coro<int> plain_arm(int c) {
  int y = ((c ? value_of(Tracer("plain", c), 1) : 0), AWAIT(slow()));
  std::printf("not reached %d\n", y);
  return y;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  for (int c = 0; c < 2; ++c) {
    awaitc::Task<int> a = awaitc::create_task(suspending_arm(c));
    awaitc::Task<int> b = awaitc::create_task(plain_arm(c));
    AWAIT(awaitc::sleep(0));
    AWAIT(awaitc::sleep(0));
    AWAIT(awaitc::sleep(0));
    std::printf("cancel c=%d\n", c);
    a.cancel();
    b.cancel();
    AWAIT(awaitc::sleep(0));
    std::printf("cancelled %d %d\n", a.cancelled(), b.cancelled());
  }
}

int main() {
  awaitc::run(main_coro());
  print_live();
}

// CHECK: cancel c=0
// CHECK-NEXT: cancelled 1 1
// CHECK-NEXT: ctor plain1
// CHECK-NEXT: use plain1
// CHECK-NEXT: ctor arm1
// CHECK-NEXT: use arm1
// CHECK-NEXT: cancel c=1
// CHECK-NEXT: dtor arm1
// CHECK-NEXT: dtor plain1
// CHECK-NEXT: cancelled 1 1
// CHECK-NEXT: live 0
// CHECK-EMPTY:
