// #line directives map the generated code back to the user's file and
// lines: __FILE__ and __LINE__ in the transformed body (after suspensions,
// in loops, in switch cases, after a resume point) print the user's file and
// the line each statement was written on. With --no-line-directives there is
// no #line left, and __FILE__ names the generated file.
// RUN: %run-both %{strict-warnings} --no-cxx20 '__FILE__ names the output: --emit=cxx20 writes no #line' --out %t %s | FileCheck --match-full-lines %s
// RUN: FileCheck --check-prefix=GEN --input-file=%t.awaitc.cpp %s
// RUN: %run-both %{strict-warnings} --no-cxx20 '__FILE__ names the output: --emit=cxx20 writes no #line' --out %t.noline --awaitc-arg=--no-line-directives %s | FileCheck --check-prefix=NOLINE --match-full-lines %s
// RUN: FileCheck --check-prefix=GEN-NOLINE --input-file=%t.noline.awaitc.cpp %s
#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> lines() {
  std::printf("file %s\n", __FILE__); // CHECK: file {{.*}}/statements/line-directives.cpp
  std::printf("first %d\n", __LINE__); // CHECK-NEXT: first [[@LINE]]
  int v = AWAIT(later(1));
  std::printf("after await %d\n", __LINE__); // CHECK-NEXT: after await [[@LINE]]
  for (int i = 0; i < 2; ++i) {
    AWAIT(awaitc::sleep(0));
    std::printf("loop %d\n", __LINE__); // CHECK-NEXT: loop [[@LINE]]
    // CHECK-NEXT: loop [[@LINE-1]]
  }
  switch (v) {
  case 1:
    AWAIT(awaitc::sleep(0));
    std::printf("case %d\n", __LINE__); // CHECK-NEXT: case [[@LINE]]
    break;
  }
  std::printf("awaited %d at %d\n", AWAIT(later(5)), __LINE__); // CHECK-NEXT: awaited 5 at [[@LINE]]
  if (v) {
    std::printf("if %d\n", __LINE__); // CHECK-NEXT: if [[@LINE]]
  }
  std::printf("last %d\n", __LINE__); // CHECK-NEXT: last [[@LINE]]
}

int main() {
  awaitc::run(lines());
}

// GEN: #line {{[0-9]+}} "{{.*}}/statements/line-directives.cpp"

// Without #line, __FILE__ is the generated file:
// NOLINE: file {{.*}}/line-directives.cpp.tmp.noline.awaitc.cpp
// GEN-NOLINE-NOT: {{^[[:space:]]*#[[:space:]]*line}}
