// References that live across a suspension: `const T& r = make();` extends
// the temporary's lifetime to the end of r's scope (not to the end of the
// declaration), `T& r = local;` aliases the local (writes through r are
// seen through the local and vice versa), `auto&&` binds to a temporary or
// to an lvalue, and a reference to a vector element.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

#include <vector>

Tracer make(const char *name, int value) {
  Tracer t(name);  // guaranteed copy elision: no copy or move needed
  (void)value;
  return Tracer(name, value);
}

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> references() {
  {
    const Tracer &r = make("tmp", 1);
    std::printf("bound\n");
    AWAIT(awaitc::sleep(0));
    r.use();
    std::printf("leaving block\n");
  }
  std::printf("left block\n");
  Tracer local("local");
  Tracer &alias = local;
  alias.set(AWAIT(later(5)));
  std::printf("local value %d\n", local.value());
  local.set(6);
  AWAIT(awaitc::sleep(0));
  std::printf("alias value %d\n", alias.value());
  auto &&fwd_tmp = make("fwd", 2);
  auto &&fwd_lvalue = local;
  AWAIT(awaitc::sleep(0));
  fwd_tmp.use();
  fwd_lvalue.use();
  std::vector<int> v = {1, 2, 3};
  int &elem = v[1];
  elem = AWAIT(later(20));
  int other = AWAIT(later(elem + 1));
  std::printf("v[1]=%d other=%d\n", v[1], other);
  const int &ci = AWAIT(later(7));  // binds to the awaited value's temporary
  AWAIT(awaitc::sleep(0));
  std::printf("ci=%d\n", ci);
}

int main() {
  std::printf("begin\n");
  awaitc::run(references());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor tmp
// CHECK-NEXT: ctor tmp1
// CHECK-NEXT: dtor tmp
// CHECK-NEXT: bound
// CHECK-NEXT: use tmp1
// CHECK-NEXT: leaving block
// CHECK-NEXT: dtor tmp1
// CHECK-NEXT: left block
// CHECK-NEXT: ctor local
// CHECK-NEXT: local value 5
// CHECK-NEXT: alias value 6
// CHECK-NEXT: ctor fwd
// CHECK-NEXT: ctor fwd2
// CHECK-NEXT: dtor fwd
// CHECK-NEXT: use fwd2
// CHECK-NEXT: use local
// CHECK-NEXT: v[1]=20 other=21
// CHECK-NEXT: ci=7
// CHECK-NEXT: dtor fwd2
// CHECK-NEXT: dtor local
// CHECK-NEXT: live 0
// CHECK-EMPTY:
