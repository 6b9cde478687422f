// An immediately invoked lambda that copies a local, called with arguments
// that await: the lambda is created before the arguments are evaluated (it
// is the callee), so its copies are taken before the arguments change them;
// the closure is kept in the frame across the suspension.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>
#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

AWAITC_ASYNC awaitc::Coro<int> f(int k) {
  return [k](int x) { return x + k; }(AWAIT(v(1)));
}

AWAITC_ASYNC awaitc::Coro<int> g(int k) {
  int r = [k](int x) { return x + k; }((k = 5, AWAIT(v(1))));
  return r + k;
}

int main() {
  std::printf("%d\n", awaitc::run(f(10)));
  std::printf("%d\n", awaitc::run(g(10)));
}
// CHECK: 11
// CHECK-NEXT: 16
