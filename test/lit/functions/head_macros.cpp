// The annotation written inside a macro that spells more of the head (the
// return type, a specifier): the macro invocation is kept as written (the
// annotation in it does nothing in the generated code), so the head keeps
// its return type and specifiers. A macro that is only the annotation is
// dropped like the annotation itself.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck %s
// RUN: FileCheck --check-prefix=HEAD --input-file=%t.awaitc.cpp %s
#include <awaitc/awaitc.h>
#include <cstdio>

#define ASYNC_INT AWAITC_ASYNC awaitc::Coro<int>
#define ASYNC(T) AWAITC_ASYNC awaitc::Coro<T>
#define STATIC_ASYNC static AWAITC_ASYNC
#define MY_ASYNC AWAITC_ASYNC
#define INT_GENERATOR AWAITC_GENERATOR awaitc::Generator<int>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

ASYNC_INT f() { return AWAIT(v(1)); }
// HEAD: {{^}}ASYNC_INT f() {
ASYNC(int) g() { return AWAIT(v(2)); }
// HEAD: {{^}}ASYNC(int) g() {
STATIC_ASYNC awaitc::Coro<int> h() { return AWAIT(v(3)); }
// HEAD: {{^}}STATIC_ASYNC awaitc::Coro<int> h() {
MY_ASYNC awaitc::Coro<int> k() { return AWAIT(v(4)); }
// HEAD: {{^}}awaitc::Coro<int> k() {
INT_GENERATOR count(int n) {
  for (int i = 0; i < n; ++i)
    YIELD(i);
}
// HEAD: {{^}}INT_GENERATOR count(int n) {

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  int a = AWAIT(f());
  int b = AWAIT(g());
  int c = AWAIT(h());
  int d = AWAIT(k());
  std::printf("%d %d %d %d\n", a, b, c, d);
  for (int i : count(3))
    std::printf("%d\n", i);
}

int main() { awaitc::run(main_coro()); }

// CHECK: 1 2 3 4
// CHECK-NEXT: 0
// CHECK-NEXT: 1
// CHECK-NEXT: 2
