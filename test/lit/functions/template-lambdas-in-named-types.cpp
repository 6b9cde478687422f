// In a template, lambdas inside expressions whose type the frame names with
// decltype (which may not hold a lambda before C++20): an awaited
// expression, the initializer of a local that lives across a suspension,
// and a range-for's range kept while its body suspends. Each such lambda
// moves into a factory whose call stands in for it, and runs once, where
// the user wrote it. Captures by default (& and =, of locals whose type
// depends on the template parameter), by name, of `this` in a member of a
// class template, a generic lambda, a marker inside the awaited
// expression; and, in a plain member function, a `[this, p]` capture
// written inside AWAIT(...).
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck %s --match-full-lines
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <vector>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}
AWAITC_ASYNC awaitc::Coro<int> one() {
  AWAIT(awaitc::sleep(0));
  return 1;
}

template <class T> AWAITC_ASYNC awaitc::Coro<int> awaited(T p) {
  T k = 3;
  int a = AWAIT(v([&] { return p + k; }()));
  int b = AWAIT(v([=] { return p * k; }()));
  int c = AWAIT(v([p, &k] {
    ++k;
    return p - k;
  }()));
  auto add = [](auto x, auto y) { return x + y; };
  int d = AWAIT(v(add(p, AWAIT(v([k] { return k * 10; }())))));
  int e = AWAIT(v([](auto x) { return x * 100; }(p)));
  std::printf("awaited %d %d %d %d %d, k %d\n", a, b, c, d, e, int(k));
  return a + b + c + d + e;
}

template <class T> AWAITC_ASYNC awaitc::Coro<int> initialized(T p) {
  auto text = [&] { return std::to_string(p); }();
  const auto &twice = [p] { return p * 2; }();
  AWAIT(one());
  std::printf("initialized %s %d\n", text.c_str(), int(twice));
  return int(text.size()) + int(twice);
}

template <class T> AWAITC_ASYNC awaitc::Coro<int> ranges(T p) {
  int sum = 0;
  for (auto x : [&] { return std::vector<T>{p, p + 1}; }())
    sum += int(x) + AWAIT(one());
  std::printf("ranges %d\n", sum);
  return sum;
}

template <class T> struct Counter {
  T base;
  AWAITC_ASYNC awaitc::Coro<int> plus(T p) {
    return AWAIT(v([this, p] { return base + p; }()));
  }
};

struct Plain {
  int base;
  AWAITC_ASYNC awaitc::Coro<int> plus(int p) {
    return AWAIT(v([this, p] { return base + p; }()));
  }
};

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("sum %d\n", AWAIT(awaited(2)));
  std::printf("sum %d\n", AWAIT(awaited(short(2))));
  std::printf("sum %d\n", AWAIT(initialized(21)));
  std::printf("sum %d\n", AWAIT(ranges(5)));
  Counter<int> counter{10};
  std::printf("counter %d\n", AWAIT(counter.plus(5)));
  Plain plain{20};
  std::printf("plain %d\n", AWAIT(plain.plus(5)));
}

int main() { awaitc::run(main_coro()); }

// CHECK: awaited 5 6 -2 42 200, k 4
// CHECK-NEXT: sum 251
// CHECK-NEXT: awaited 5 6 -2 42 200, k 4
// CHECK-NEXT: sum 251
// CHECK-NEXT: initialized 21 42
// CHECK-NEXT: sum 44
// CHECK-NEXT: ranges 13
// CHECK-NEXT: sum 13
// CHECK-NEXT: counter 15
// CHECK-NEXT: plain 25
// CHECK-EMPTY:
