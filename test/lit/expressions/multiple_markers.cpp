// Several AWAITs in one expression each keep their own result: none may
// overwrite another's (babel#2385, TypeScript#40614).
// RUN: %run-both --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}
AWAITC_ASYNC awaitc::Coro<double> d(double x) {
  AWAIT(awaitc::sleep(0));
  return x;
}
AWAITC_ASYNC awaitc::Coro<std::string> s(const char *x) {
  AWAIT(awaitc::sleep(0));
  return std::string(x);
}
static int sum3(int a, int b, int c) { return a * 100 + b * 10 + c; }

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  int a = AWAIT(v(1)) + AWAIT(v(2));
  std::printf("a=%d\n", a);
  // CHECK: a=3
  int b = AWAIT(v(7)) - AWAIT(v(2));
  std::printf("b=%d\n", b);
  // CHECK-NEXT: b=5
  int c = AWAIT(v(1)) * 100 + AWAIT(v(2)) * 10 + AWAIT(v(3));
  std::printf("c=%d\n", c);
  // CHECK-NEXT: c=123
  std::printf("args=%d\n", sum3(AWAIT(v(4)), AWAIT(v(5)), AWAIT(v(6))));
  // CHECK-NEXT: args=456
  double e = AWAIT(d(0.5)) + AWAIT(v(2));
  std::printf("e=%.1f\n", e);
  // CHECK-NEXT: e=2.5
  std::string f = AWAIT(s("ab")) + AWAIT(s("cd")) + AWAIT(s("ef"));
  std::printf("f=%s\n", f.c_str());
  // CHECK-NEXT: f=abcdef
  int total = 0;
  for (int i = 0; i < 3; ++i)
    total += AWAIT(v(i)) * 10 + AWAIT(v(i + 1));
  std::printf("total=%d\n", total);
  // CHECK-NEXT: total=36
  bool lt = AWAIT(v(1)) < AWAIT(v(2));
  std::printf("lt=%d\n", lt);
  // CHECK-NEXT: lt=1
  std::printf("%d %d %s\n", AWAIT(v(8)), AWAIT(v(9)), AWAIT(s("z")).c_str());
  // CHECK-NEXT: 8 9 z
}

int main() { awaitc::run(main_coro()); }
