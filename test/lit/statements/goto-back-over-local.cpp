// A backward goto over a local that lives across a suspension destroys it
// (as leaving its scope would) before it is constructed again; a constexpr
// local stays a constant expression usable as an array bound.
// RUN: %run-both --out %t %s | FileCheck %s --match-full-lines
// CHECK: ctor attempt
// CHECK-NEXT: dtor attempt
// CHECK-NEXT: ctor attempt
// CHECK-NEXT: tries 2 1
// CHECK-NEXT: dtor attempt
#include <awaitc/awaitc.h>
#include <cstdio>
struct T { const char* n; explicit T(const char* n) : n(n) { std::printf("ctor %s\n", n); } ~T() { std::printf("dtor %s\n", n); } };
AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  constexpr int N = 2;
  int tries = 0;
retry:
  T t("attempt");
  AWAIT(awaitc::sleep(0));
  int arr[N] = {tries, tries};
  if (++tries < N) goto retry;
  std::printf("tries %d %d\n", tries, arr[1]);
}
int main() { awaitc::run(main_coro()); }
