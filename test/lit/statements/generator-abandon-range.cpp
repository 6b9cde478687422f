// A generator suspended inside a range-for over a temporary (and over a
// nested generator) and then dropped: the temporary range, the inner
// generator's live locals and the outer locals are all destroyed exactly
// once, innermost first.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

struct Range {
  Tracer tracer;
  int data[3];
  explicit Range(const char *name) : tracer(name), data{1, 2, 3} {}
  const int *begin() const { return data; }
  const int *end() const { return data + 3; }
};

AWAITC_GENERATOR awaitc::Generator<int> inner() {
  Tracer in("inner");
  for (int i = 0; i < 3; ++i)
    YIELD(100 + i);
}

AWAITC_GENERATOR awaitc::Generator<int> outer() {
  Tracer out("outer");
  for (int x : Range("range")) {
    Tracer body("body", x);
    YIELD(x);
  }
  for (int y : inner())
    YIELD(y);
}

int main() {
  std::printf("begin\n");
  for (int v : outer()) {
    std::printf("got %d\n", v);
    if (v == 2)
      break;
  }
  std::printf("-- second\n");
  for (int v : outer()) {
    std::printf("got %d\n", v);
    if (v == 100)
      break;
  }
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor outer
// CHECK-NEXT: ctor range
// CHECK-NEXT: ctor body1
// CHECK-NEXT: got 1
// CHECK-NEXT: dtor body1
// CHECK-NEXT: ctor body2
// CHECK-NEXT: got 2
// CHECK-NEXT: dtor body2
// CHECK-NEXT: dtor range
// CHECK-NEXT: dtor outer
// CHECK-NEXT: -- second
// CHECK-NEXT: ctor outer
// CHECK-NEXT: ctor range
// CHECK-NEXT: ctor body1
// CHECK-NEXT: got 1
// CHECK-NEXT: dtor body1
// CHECK-NEXT: ctor body2
// CHECK-NEXT: got 2
// CHECK-NEXT: dtor body2
// CHECK-NEXT: ctor body3
// CHECK-NEXT: got 3
// CHECK-NEXT: dtor body3
// CHECK-NEXT: dtor range
// CHECK-NEXT: ctor inner
// CHECK-NEXT: got 100
// CHECK-NEXT: dtor inner
// CHECK-NEXT: dtor outer
// CHECK-NEXT: live 0
// CHECK-EMPTY:
