// Templates: function templates, a const member of a class template, a
// generator template, hoisted locals of dependent and deduced types, a
// range-for over a dependent range, AWAIT on a dependent expression.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck %s --match-full-lines
// CHECK: 12
// CHECK-NEXT: aabb
// CHECK-NEXT: 21
// CHECK-NEXT: xxx
#include <awaitc/awaitc.h>
#include <cstdio>
#include <string>
#include <vector>

template <class T>
AWAITC_ASYNC awaitc::Coro<T> twice(T x) {
  AWAIT(awaitc::sleep(0));
  return x + x;
}

template <class T>
AWAITC_ASYNC awaitc::Coro<T> sum(std::vector<T> values) {
  T total{};
  for (const auto &v : values) {
    auto doubled = AWAIT(twice(v));
    total += doubled;
  }
  return total;
}

template <class T> class Box {
public:
  explicit Box(T v) : value_(v) {}
  AWAITC_ASYNC awaitc::Coro<T> get_twice() const {
    T local = AWAIT(twice(value_));
    AWAIT(awaitc::sleep(0));
    return local + value_;
  }
private:
  T value_;
};

template <class T>
AWAITC_GENERATOR awaitc::Generator<T> repeat(T v, int n) {
  for (int i = 0; i < n; ++i) YIELD(v);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("%d\n", AWAIT(sum(std::vector<int>{1, 2, 3})));
  std::printf("%s\n", AWAIT(sum(std::vector<std::string>{"a", "b"})).c_str());
  Box<int> b(7);
  std::printf("%d\n", AWAIT(b.get_twice()));
  for (const auto &s : repeat(std::string("x"), 3)) std::printf("%s", s.c_str());
  std::printf("\n");
}
int main() { awaitc::run(main_coro()); }
