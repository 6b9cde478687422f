// Calls whose arguments await, for every kind of callee: a local lambda
// (generic or not, alive across a later suspension or not), an immediately
// invoked lambda (without copies, or with copies that cannot change), a
// function object, a function pointer, a pointer to member function (through
// .* and ->*), std::function, a callee computed by a call; in a function
// template too. The callee is evaluated before the arguments (C++17), so a
// callee computed before the suspension is the one called after it.
// RUN: %run-both --out %t %s | FileCheck %s --match-full-lines
#include <awaitc/awaitc.h>

#include <cstdio>
#include <functional>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}
struct Times {
  int factor;
  int operator()(int a, int b) const { return factor * a * b; }
};
static int minus(int a, int b) { return a - b; }
static int plus(int a, int b) { return a + b; }
struct Counter {
  int base;
  int add(int a) { return base += a; }
};
static int (*pick(int which))(int, int) {
  std::printf("pick(%d)\n", which);
  return which ? plus : minus;
}
static Counter counters[2] = {{100}, {200}};
static int slot = 0;
static Counter *current() {
  std::printf("current() -> %d\n", slot);
  return &counters[slot];
}

AWAITC_ASYNC awaitc::Coro<void> lambdas() {
  auto add = [](auto a, auto b) { return a + b; };
  // CHECK: generic 2
  std::printf("generic %d\n", add(AWAIT(v(1)), 1));
  int k = 5;
  auto with_k = [&k](int x) { return x + k; };
  // CHECK-NEXT: by reference 8
  std::printf("by reference %d\n", with_k(AWAIT(v(3))));
  // CHECK-NEXT: immediately 40
  std::printf("immediately %d\n", [](int x) { return x * 10; }(AWAIT(v(4))));
  // CHECK-NEXT: immediately with [&] 11
  int r = [&](int x) { return x + k; }(AWAIT(v(6)));
  std::printf("immediately with [&] %d\n", r);
  // Copies that cannot change while the arguments are awaited.
  // CHECK-NEXT: init-capture 5
  std::printf("init-capture %d\n",
              [m = 3](auto x) { return x + m; }(AWAIT(v(2))));
  const int c = k;
  // CHECK-NEXT: const copy 7
  std::printf("const copy %d\n", [c](int x) { return x + c; }(AWAIT(v(2))));
  auto kept = [k](int a, int b) { return a * b + k; };
  AWAIT(v(0));
  k = 100;
  // CHECK-NEXT: kept 17 17
  std::printf("kept %d %d\n", kept(AWAIT(v(3)), 4), kept(3, AWAIT(v(4))));
  // CHECK-NEXT: generic kept 7
  std::printf("generic kept %d\n", add(3, AWAIT(v(4))));
}

AWAITC_ASYNC awaitc::Coro<void> other_callables() {
  Times times{2};
  // CHECK-NEXT: function object 12
  std::printf("function object %d\n", times(AWAIT(v(3)), 2));
  int (*fp)(int, int) = minus;
  // CHECK-NEXT: function pointer 1
  std::printf("function pointer %d\n", fp(AWAIT(v(3)), 2));
  // CHECK-NEXT: pick(1)
  // CHECK-NEXT: computed callee 5
  std::printf("computed callee %d\n", pick(1)(AWAIT(v(3)), 2));
  Counter c{10};
  int (Counter::*pm)(int) = &Counter::add;
  // CHECK-NEXT: member pointer 13
  std::printf("member pointer %d\n", (c.*pm)(AWAIT(v(3))));
  Counter *pc = &c;
  // CHECK-NEXT: member pointer through -> 17
  std::printf("member pointer through -> %d\n", (pc->*pm)(AWAIT(v(4))));
  // The object is computed before the suspension: counters[0], although
  // slot changes while the argument is awaited.
  // CHECK-NEXT: current() -> 0
  // CHECK-NEXT: computed object 101
  std::printf("computed object %d\n", (current()->*pm)((slot = 1, AWAIT(v(1)))));
  std::function<int(int)> sf = [](int x) { return x + 100; };
  // CHECK-NEXT: std::function 103
  std::printf("std::function %d\n", sf(AWAIT(v(3))));
  AWAIT(v(0));
  // CHECK-NEXT: std::function kept 104
  std::printf("std::function kept %d\n", sf(AWAIT(v(4))));
}

template <class T> AWAITC_ASYNC awaitc::Coro<T> in_template(T base) {
  auto add = [base](auto a) { return a + base; };
  T first = add(AWAIT(v(1)));
  T second = [](T x) { return x * 2; }(AWAIT(v(2)));
  Times times{3};
  T third = times(AWAIT(v(1)), base);
  return first + second + third;
}
// CHECK-NEXT: template 45

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(lambdas());
  AWAIT(other_callables());
  std::printf("template %d\n", AWAIT(in_template(10)));
}

int main() { awaitc::run(main_coro()); }
