// Range-for over a std::vector lvalue, with a marker in the body: the range
// is referenced, not copied; the loop variable (a copy or a reference) is
// fresh on each iteration; break/continue work; the vector may be modified
// through a reference between suspensions.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

#include <string>
#include <vector>

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> over_vector() {
  std::vector<int> v = {1, 2, 3, 4, 5};
  int total = 0;
  for (int x : v) {
    Tracer t("it", x);
    if (x == 2)
      continue;
    if (x == 5)
      break;
    total += AWAIT(step("x", x));
  }
  std::printf("total %d\n", total);
  for (int &x : v)
    x = AWAIT(step("double", x * 2));
  for (const int &x : v)
    std::printf("%d ", x);
  std::printf("\n");
  std::vector<std::string> words = {"alpha", "beta"};
  for (const auto &w : words) {
    AWAIT(awaitc::sleep(0));
    std::printf("%s %zu\n", w.c_str(), w.size());
  }
}

AWAITC_ASYNC awaitc::Coro<void> vector_in_member(std::vector<int> *out) {
  // The range is a dereferenced pointer: awaits in the body see writes that
  // another task makes to the same vector elements.
  for (auto &x : *out) {
    AWAIT(awaitc::sleep(0));
    std::printf("sees %d\n", x);
  }
}

AWAITC_ASYNC awaitc::Coro<void> writer(std::vector<int> *out) {
  for (int i = 0; i < 3; ++i) {
    (*out)[i] = 100 + i;
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(over_vector());
  std::vector<int> shared = {0, 0, 0};
  awaitc::Task<void> w = awaitc::create_task(writer(&shared));
  AWAIT(vector_in_member(&shared));
  AWAIT(w);
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor it1
// CHECK-NEXT: step x 1
// CHECK-NEXT: dtor it1
// CHECK-NEXT: ctor it2
// CHECK-NEXT: dtor it2
// CHECK-NEXT: ctor it3
// CHECK-NEXT: step x 3
// CHECK-NEXT: dtor it3
// CHECK-NEXT: ctor it4
// CHECK-NEXT: step x 4
// CHECK-NEXT: dtor it4
// CHECK-NEXT: ctor it5
// CHECK-NEXT: dtor it5
// CHECK-NEXT: total 8
// CHECK-NEXT: step double 2
// CHECK-NEXT: step double 4
// CHECK-NEXT: step double 6
// CHECK-NEXT: step double 8
// CHECK-NEXT: step double 10
// CHECK-NEXT: 2 4 6 8 10 
// CHECK-NEXT: alpha 5
// CHECK-NEXT: beta 4
// CHECK-NEXT: sees 100
// CHECK-NEXT: sees 101
// CHECK-NEXT: sees 102
// CHECK-NEXT: live 0
// CHECK-EMPTY:
