// Kinds of locals living across suspensions: an array of non-movable
// Tracers (elements constructed in order, destroyed in reverse), `auto`,
// const locals, a default-initialised class object, and a std::unique_ptr
// owning a Tracer. All are destroyed in reverse order of declaration.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

#include <memory>
#include <string>

struct Defaulted {
  int n = 41;
  std::string s;
};

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> kinds() {
  Tracer arr[3] = {Tracer("arr", 0), Tracer("arr", 1), Tracer("arr", 2)};
  auto count = AWAIT(later(3));
  const int limit = AWAIT(later(2));
  const Tracer constant("const");
  Defaulted d;
  std::unique_ptr<Tracer> owned = std::make_unique<Tracer>("owned");
  AWAIT(awaitc::sleep(0));
  for (const Tracer &t : arr)
    t.use();
  std::printf("count %d limit %d n %d s '%s'\n", count, limit, d.n + 1,
              d.s.c_str());
  constant.use();
  std::printf("sum %d\n", count + limit + AWAIT(later(1)));
  owned->use();
}

int main() {
  std::printf("begin\n");
  awaitc::run(kinds());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor arr0
// CHECK-NEXT: ctor arr1
// CHECK-NEXT: ctor arr2
// CHECK-NEXT: ctor const
// CHECK-NEXT: ctor owned
// CHECK-NEXT: use arr0
// CHECK-NEXT: use arr1
// CHECK-NEXT: use arr2
// CHECK-NEXT: count 3 limit 2 n 42 s ''
// CHECK-NEXT: use const
// CHECK-NEXT: sum 6
// CHECK-NEXT: use owned
// CHECK-NEXT: dtor owned
// CHECK-NEXT: dtor const
// CHECK-NEXT: dtor arr2
// CHECK-NEXT: dtor arr1
// CHECK-NEXT: dtor arr0
// CHECK-NEXT: live 0
// CHECK-EMPTY:
