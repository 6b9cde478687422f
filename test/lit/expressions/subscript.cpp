// Array subscripts. `a[i()] = AWAIT(v)` evaluates the right side first (and
// its suspension) and the subscript after; in `a[AWAIT(i)]` the array
// expression is evaluated before the index (C++17 E1[E2]).
// RUN: %run-both --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

static int arr[4] = {0, 0, 0, 0};
static std::vector<int> vec = {10, 11, 12, 13};
AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  std::printf("v(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  std::printf("v(%d) resumes\n", x);
  return x;
}
static int idx(int i) {
  std::printf("idx(%d)\n", i);
  return i;
}
static int *base(const char *why) {
  std::printf("base(%s)\n", why);
  return arr;
}
static std::vector<int> &vref(const char *why) {
  std::printf("vref(%s)\n", why);
  return vec;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  // CHECK: v(7) starts
  // CHECK-NEXT: v(7) resumes
  // CHECK-NEXT: idx(1)
  arr[idx(1)] = AWAIT(v(7));
  // CHECK-NEXT: v(8) starts
  // CHECK-NEXT: v(8) resumes
  // CHECK-NEXT: base(lhs)
  // CHECK-NEXT: idx(2)
  base("lhs")[idx(2)] = AWAIT(v(8));
  // CHECK-NEXT: arr 0 7 8 0
  std::printf("arr %d %d %d %d\n", arr[0], arr[1], arr[2], arr[3]);

  // CHECK-NEXT: v(1) starts
  // CHECK-NEXT: v(1) resumes
  // CHECK-NEXT: read=7
  std::printf("read=%d\n", arr[AWAIT(v(1))]);
  // CHECK-NEXT: base(rhs)
  // CHECK-NEXT: v(2) starts
  // CHECK-NEXT: v(2) resumes
  // CHECK-NEXT: read=8
  int r = base("rhs")[AWAIT(v(2))];
  std::printf("read=%d\n", r);
  // Overloaded operator[] follows the built-in order too.
  // CHECK-NEXT: vref(rhs)
  // CHECK-NEXT: v(3) starts
  // CHECK-NEXT: v(3) resumes
  // CHECK-NEXT: vec=13
  std::printf("vec=%d\n", vref("rhs")[AWAIT(v(3))]);
  // CHECK-NEXT: v(99) starts
  // CHECK-NEXT: v(99) resumes
  // CHECK-NEXT: vref(lhs)
  // CHECK-NEXT: idx(0)
  vref("lhs")[idx(0)] = AWAIT(v(99));
  // CHECK-NEXT: vec[0]=99
  std::printf("vec[0]=%d\n", vec[0]);
  // Index and value both awaited.
  arr[AWAIT(v(3))] = AWAIT(v(30));
  // CHECK: v(30) starts
  // CHECK-NEXT: v(30) resumes
  // CHECK-NEXT: v(3) starts
  // CHECK-NEXT: v(3) resumes
  // CHECK-NEXT: arr[3]=30
  std::printf("arr[3]=%d\n", arr[3]);
  arr[AWAIT(v(0))] += AWAIT(v(5));
  // CHECK: arr[0]=5
  std::printf("arr[0]=%d\n", arr[0]);
  std::map<std::string, int> m;
  m["k"] = AWAIT(v(42));
  // CHECK: m[k]=42
  std::printf("m[k]=%d\n", m["k"]);
}

int main() { awaitc::run(main_coro()); }
