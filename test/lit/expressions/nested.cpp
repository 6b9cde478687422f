// Nested markers: AWAIT(f(AWAIT(g()))). The inner AWAIT finishes before f is
// even called, and f's coroutine runs after.
// RUN: %run-both --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> g(int x) {
  std::printf("g(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  std::printf("g(%d) returns\n", x);
  return x;
}
AWAITC_ASYNC awaitc::Coro<int> f(int x) {
  std::printf("f(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  std::printf("f(%d) returns %d\n", x, x * 10);
  return x * 10;
}
AWAITC_ASYNC awaitc::Coro<int> add(int a, int b) {
  AWAIT(awaitc::sleep(0));
  return a + b;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  int a = AWAIT(f(AWAIT(g(1))));
  std::printf("a=%d\n", a);
  // CHECK: g(1) starts
  // CHECK-NEXT: g(1) returns
  // CHECK-NEXT: f(1) starts
  // CHECK-NEXT: f(1) returns 10
  // CHECK-NEXT: a=10
  int b = AWAIT(f(AWAIT(f(AWAIT(g(2))))));
  std::printf("b=%d\n", b);
  // CHECK-NEXT: g(2) starts
  // CHECK-NEXT: g(2) returns
  // CHECK-NEXT: f(2) starts
  // CHECK-NEXT: f(2) returns 20
  // CHECK-NEXT: f(20) starts
  // CHECK-NEXT: f(20) returns 200
  // CHECK-NEXT: b=200
  int c = AWAIT(add(AWAIT(g(3)), AWAIT(g(4))));
  std::printf("c=%d\n", c);
  // CHECK: c=7
  int d = AWAIT(add(AWAIT(add(AWAIT(g(1)), 2)), AWAIT(add(3, AWAIT(g(4))))));
  std::printf("d=%d\n", d);
  // CHECK: d=10
  // A task created from an awaited value, then awaited.
  int e = AWAIT(awaitc::create_task(f(AWAIT(g(5)))));
  std::printf("e=%d\n", e);
  // CHECK: g(5) returns
  // CHECK-NEXT: f(5) starts
  // CHECK-NEXT: f(5) returns 50
  // CHECK-NEXT: e=50
  std::printf("%d\n", AWAIT(f(AWAIT(g(6)) + AWAIT(g(7)))));
  // CHECK: f(13) returns 130
  // CHECK-NEXT: 130
}

int main() { awaitc::run(main_coro()); }
