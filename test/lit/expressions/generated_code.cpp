// The shape of the generated code for a few expressions (loosely: names of
// slots and labels may change): `x += AWAIT(y)` reads x only after the
// resume, `AWAIT(a) + AWAIT(b)` keeps the first result in its own slot, and
// the program still builds and runs with both compilers.
// RUN: %awaitc --no-line-directives %s -o %t.cpp -- -std=c++17 -I%awaitc-include
// RUN: FileCheck --input-file=%t.cpp %s
// RUN: %cxx-gcc %t.cpp %runtime-lib -o %t.gcc && %t.gcc | FileCheck --check-prefix=OUT %s
// RUN: %cxx-clang %t.cpp %runtime-lib -o %t.clang && %t.clang | FileCheck --check-prefix=OUT %s
#include <awaitc/awaitc.h>

#include <cstdio>

static int x = 1;
AWAITC_ASYNC awaitc::Coro<int> bump(int y) {
  AWAIT(awaitc::sleep(0));
  x += 100;
  return y;
}

AWAITC_ASYNC awaitc::Coro<void> compound() {
  x += AWAIT(bump(5));
  std::printf("x=%d\n", x);
}
// CHECK-LABEL: class compound_frame
// CHECK-NOT: x +=
// CHECK: resume_{{[0-9]+}}:;
// CHECK-NEXT: x += {{.*}}await_resume()
// CHECK-LABEL: awaitc::Coro<void> compound()

AWAITC_ASYNC awaitc::Coro<int> sum() { return AWAIT(bump(1)) * 10 + AWAIT(bump(2)); }
// CHECK-LABEL: class sum_frame
// The first result goes to a slot of its own before the second suspension.
// CHECK: resume_{{[0-9]+}}:;
// CHECK-NEXT: [[SLOT:[a-z_0-9]+]] = {{.*}}await_resume()
// CHECK: resume_{{[0-9]+}}:;
// CHECK-NEXT: {{.*}}[[SLOT]] * 10 + {{.*}}await_resume()

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(compound());
  std::printf("sum=%d\n", AWAIT(sum()));
}
int main() { awaitc::run(main_coro()); }
// OUT: x=106
// OUT: sum=12
