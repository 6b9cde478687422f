// if with an init-statement and if with a condition variable: the variable
// is constructed before the condition is tested, is in scope (and alive) in
// both branches, and is destroyed when the whole if statement ends, also
// when a branch suspends.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> with_init(int n) {
  std::printf("-- init %d\n", n);
  if (Tracer t("init", n); AWAIT(later(n)) > 1) {
    AWAIT(awaitc::sleep(0));
    t.use();
  } else {
    Tracer e("else", n);
    AWAIT(awaitc::sleep(0));
    t.use();
  }
  std::printf("after if\n");
  // The init-statement may itself await; the condition then reads it.
  if (int k = AWAIT(later(n * 10)); k > 15)
    std::printf("k=%d big\n", k);
  else
    std::printf("k=%d small\n", k);
}

AWAITC_ASYNC awaitc::Coro<void> with_condition_variable(int n) {
  std::printf("-- cond %d\n", n);
  if (Flag f = Flag("flag", AWAIT(later(n)))) {
    AWAIT(awaitc::sleep(0));
    std::printf("then %d\n", f.value());
  } else {
    AWAIT(awaitc::sleep(0));
    std::printf("else %d\n", f.value());
    f.use();
  }
  std::printf("after if\n");
  if (auto x = AWAIT(later(n + 100)))
    std::printf("auto x=%d\n", x);
  if (const int *p = n ? &n : nullptr) {
    AWAIT(awaitc::sleep(0));
    std::printf("*p=%d\n", *p);
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(with_init(1));
  AWAIT(with_init(2));
  AWAIT(with_condition_variable(0));
  AWAIT(with_condition_variable(7));
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: -- init 1
// CHECK-NEXT: ctor init1
// CHECK-NEXT: ctor else1
// CHECK-NEXT: use init1
// CHECK-NEXT: dtor else1
// CHECK-NEXT: dtor init1
// CHECK-NEXT: after if
// CHECK-NEXT: k=10 small
// CHECK-NEXT: -- init 2
// CHECK-NEXT: ctor init2
// CHECK-NEXT: use init2
// CHECK-NEXT: dtor init2
// CHECK-NEXT: after if
// CHECK-NEXT: k=20 big
// CHECK-NEXT: -- cond 0
// CHECK-NEXT: ctor flag0
// CHECK-NEXT: else 0
// CHECK-NEXT: use flag0
// CHECK-NEXT: dtor flag0
// CHECK-NEXT: after if
// CHECK-NEXT: auto x=100
// CHECK-NEXT: -- cond 7
// CHECK-NEXT: ctor flag7
// CHECK-NEXT: then 7
// CHECK-NEXT: dtor flag7
// CHECK-NEXT: after if
// CHECK-NEXT: auto x=107
// CHECK-NEXT: *p=7
// CHECK-NEXT: live 0
// CHECK-EMPTY:
