// Range-for over a temporary container: the temporary (a function's
// returned vector, an awaited result, a traced range object, a
// braced-init-list) lives until the end of the loop, across every
// suspension in the body, and is destroyed once after the loop (also on
// break).
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

#include <vector>

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

std::vector<int> make_vector(int n) {
  std::vector<int> v;
  for (int i = 0; i < n; ++i)
    v.push_back(10 * i);
  return v;
}

AWAITC_ASYNC awaitc::Coro<std::vector<int>> make_vector_async(int n) {
  AWAIT(awaitc::sleep(0));
  std::printf("made %d\n", n);
  return make_vector(n);
}

// A range object that traces its own lifetime.
struct Range {
  Tracer tracer;
  int data[3];
  explicit Range(const char *name) : tracer(name), data{1, 2, 3} {}
  const int *begin() const { tracer.use(); return data; }
  const int *end() const { return data + 3; }
};

AWAITC_ASYNC awaitc::Coro<void> temporaries() {
  for (int v : make_vector(3))
    AWAIT(step("vec", v));
  // The marker in the range expression: awaited once, before the loop.
  for (int v : AWAIT(make_vector_async(2)))
    AWAIT(step("async", v));
  for (int v : Range("range")) {
    if (v == 3)
      break;
    AWAIT(step("r", v));
  }
  std::printf("after range loop\n");
  for (int v : {5, 6, 7}) {
    AWAIT(awaitc::sleep(0));
    std::printf("list %d\n", v);
  }
}

int main() {
  std::printf("begin\n");
  awaitc::run(temporaries());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: step vec 0
// CHECK-NEXT: step vec 10
// CHECK-NEXT: step vec 20
// CHECK-NEXT: made 2
// CHECK-NEXT: step async 0
// CHECK-NEXT: step async 10
// CHECK-NEXT: ctor range
// CHECK-NEXT: use range
// CHECK-NEXT: step r 1
// CHECK-NEXT: step r 2
// CHECK-NEXT: dtor range
// CHECK-NEXT: after range loop
// CHECK-NEXT: list 5
// CHECK-NEXT: list 6
// CHECK-NEXT: list 7
// CHECK-NEXT: live 0
// CHECK-EMPTY:
