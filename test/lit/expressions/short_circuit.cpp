// &&, || and ?: with AWAIT on either side keep short-circuiting: the side
// that is not needed is neither evaluated nor awaited. Evaluations counted.
// RUN: %run-both --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>

#include <cstdio>

static int awaited = 0, called = 0;
AWAITC_ASYNC awaitc::Coro<bool> ab(bool b) {
  ++awaited;
  std::printf("ab(%d)\n", b);
  AWAIT(awaitc::sleep(0));
  return b;
}
AWAITC_ASYNC awaitc::Coro<int> ai(int x) {
  ++awaited;
  std::printf("ai(%d)\n", x);
  AWAIT(awaitc::sleep(0));
  return x;
}
static bool cb(bool b) {
  ++called;
  std::printf("cb(%d)\n", b);
  return b;
}
static int ci(int x) {
  ++called;
  std::printf("ci(%d)\n", x);
  return x;
}
static void counts(const char *what) {
  std::printf("%s: awaited=%d called=%d\n", what, awaited, called);
  awaited = called = 0;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  bool r;
  r = cb(false) && AWAIT(ab(true));
  std::printf("r=%d\n", r);
  counts("false && AWAIT");
  // CHECK: cb(0)
  // CHECK-NEXT: r=0
  // CHECK-NEXT: false && AWAIT: awaited=0 called=1
  r = cb(true) && AWAIT(ab(true));
  counts("true && AWAIT");
  // CHECK-NEXT: cb(1)
  // CHECK-NEXT: ab(1)
  // CHECK-NEXT: true && AWAIT: awaited=1 called=1
  r = AWAIT(ab(false)) && cb(true);
  counts("AWAIT(false) && call");
  // CHECK-NEXT: ab(0)
  // CHECK-NEXT: AWAIT(false) && call: awaited=1 called=0
  r = AWAIT(ab(false)) && AWAIT(ab(true));
  counts("AWAIT(false) && AWAIT");
  // CHECK-NEXT: ab(0)
  // CHECK-NEXT: AWAIT(false) && AWAIT: awaited=1 called=0
  r = cb(true) || AWAIT(ab(false));
  std::printf("r=%d\n", r);
  counts("true || AWAIT");
  // CHECK-NEXT: cb(1)
  // CHECK-NEXT: r=1
  // CHECK-NEXT: true || AWAIT: awaited=0 called=1
  r = AWAIT(ab(true)) || AWAIT(ab(false));
  counts("AWAIT(true) || AWAIT");
  // CHECK-NEXT: ab(1)
  // CHECK-NEXT: AWAIT(true) || AWAIT: awaited=1 called=0
  r = AWAIT(ab(false)) || AWAIT(ab(false)) || AWAIT(ab(true)) || cb(true);
  std::printf("r=%d\n", r);
  counts("chain ||");
  // CHECK-NEXT: ab(0)
  // CHECK-NEXT: ab(0)
  // CHECK-NEXT: ab(1)
  // CHECK-NEXT: r=1
  // CHECK-NEXT: chain ||: awaited=3 called=0
  r = cb(true) && (cb(false) || AWAIT(ab(false))) && AWAIT(ab(true));
  std::printf("r=%d\n", r);
  counts("mixed");
  // CHECK-NEXT: cb(1)
  // CHECK-NEXT: cb(0)
  // CHECK-NEXT: ab(0)
  // CHECK-NEXT: r=0
  // CHECK-NEXT: mixed: awaited=1 called=2

  int x = cb(true) ? AWAIT(ai(1)) : AWAIT(ai(2));
  int y = cb(false) ? AWAIT(ai(3)) : ci(4);
  int z = AWAIT(ab(false)) ? ci(5) : AWAIT(ai(6));
  std::printf("x=%d y=%d z=%d\n", x, y, z);
  counts("?:");
  // CHECK-NEXT: cb(1)
  // CHECK-NEXT: ai(1)
  // CHECK-NEXT: cb(0)
  // CHECK-NEXT: ci(4)
  // CHECK-NEXT: ab(0)
  // CHECK-NEXT: ai(6)
  // CHECK-NEXT: x=1 y=4 z=6
  // CHECK-NEXT: ?:: awaited=3 called=3
  int n = cb(false) ? 0 : cb(true) ? AWAIT(ai(7)) : AWAIT(ai(8));
  std::printf("n=%d\n", n);
  counts("nested ?:");
  // CHECK-NEXT: cb(0)
  // CHECK-NEXT: cb(1)
  // CHECK-NEXT: ai(7)
  // CHECK-NEXT: n=7
  // CHECK-NEXT: nested ?:: awaited=1 called=2

  // In conditions and loops.
  int i = 0;
  while (i < 3 && AWAIT(ab(i != 1)))
    ++i;
  std::printf("i=%d\n", i);
  counts("while");
  // CHECK-NEXT: ab(1)
  // CHECK-NEXT: ab(0)
  // CHECK-NEXT: i=1
  // CHECK-NEXT: while: awaited=2 called=0
  if (cb(false) || AWAIT(ab(true)))
    std::printf("if taken\n");
  counts("if");
  // CHECK-NEXT: cb(0)
  // CHECK-NEXT: ab(1)
  // CHECK-NEXT: if taken
  // CHECK-NEXT: if: awaited=1 called=1
  // The ?: result as an lvalue.
  int a = 1, b = 2;
  (cb(true) ? a : b) = AWAIT(ai(10));
  std::printf("a=%d b=%d\n", a, b);
  // CHECK: a=10 b=2
  int &ref = AWAIT(ab(false)) ? a : b;
  ref = 20;
  std::printf("a=%d b=%d\n", a, b);
  // CHECK: a=10 b=20
}

int main() { awaitc::run(main_coro()); }
