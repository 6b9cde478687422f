// Text copied before the first annotated function maps to the user's file
// too: __FILE__ and __LINE__ there, and a compiler error there, name this
// file and its line (the output starts with a #line directive). A file
// without annotated functions stays byte-identical (passthrough/).
// RUN: %run-both %{strict-warnings} --no-cxx20 '__FILE__ names the output: --emit=cxx20 writes no #line' --out %t %s | FileCheck --match-full-lines %s
// RUN: FileCheck --check-prefix=GEN --input-file=%t.awaitc.cpp %s
// RUN: not %cxx-gcc -DBREAK_BEFORE -fsyntax-only %t.awaitc.cpp 2>&1 | FileCheck --check-prefix=ERR %s
// RUN: not %cxx-clang -DBREAK_BEFORE -fsyntax-only %t.awaitc.cpp 2>&1 | FileCheck --check-prefix=ERR %s
#include <awaitc/awaitc.h>

#include <cstdio>

#ifdef BREAK_BEFORE
#error broken before the first annotated function
// ERR: {{.*}}line-directives-prefix.cpp:[[@LINE-1]]:{{[0-9]+}}: error: {{.*}}broken before the first annotated function
#endif

static void before() {
  std::printf("file %s\n", __FILE__); // CHECK: file {{.*}}/statements/line-directives-prefix.cpp
  std::printf("before %d\n", __LINE__); // CHECK-NEXT: before [[@LINE]]
}

AWAITC_ASYNC awaitc::Coro<void> body() {
  AWAIT(awaitc::sleep(0));
  std::printf("body %d\n", __LINE__); // CHECK-NEXT: body [[@LINE]]
}

int main() {
  before();
  awaitc::run(body());
  std::printf("main %d\n", __LINE__); // CHECK-NEXT: main [[@LINE]]
}

// GEN: {{^}}#line 1 "{{.*}}line-directives-prefix.cpp"
