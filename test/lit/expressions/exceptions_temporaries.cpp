// An exception thrown by an awaited coroutine while temporaries of the
// awaiting full-expression are alive: they are destroyed once, during the
// unwinding, before the awaiter's locals; the exception reaches main.
// RUN: %run-both --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>

struct Tracer {
  explicit Tracer(const char *n) : name(n) { std::printf("Tracer(%s)\n", n); }
  Tracer(const Tracer &) = delete;
  ~Tracer() { std::printf("~Tracer(%s)\n", name); }
  int take(int x) const { return x; }
  const char *name;
};
AWAITC_ASYNC awaitc::Coro<int> fail(const char *what) {
  AWAIT(awaitc::sleep(0));
  std::printf("fail throws %s\n", what);
  throw std::runtime_error(what);
}
AWAITC_ASYNC awaitc::Coro<int> member(const char *what) {
  Tracer local("local");
  return Tracer("temp").take(AWAIT(fail(what)));
}
AWAITC_ASYNC awaitc::Coro<int> comma(const char *what) {
  Tracer local("local");
  return (Tracer("temp"), AWAIT(fail(what)));
}

int main() {
  try {
    awaitc::run(member("member"));
  } catch (const std::exception &e) {
    std::printf("main caught: %s\n", e.what());
  }
  try {
    awaitc::run(comma("comma"));
  } catch (const std::exception &e) {
    std::printf("main caught: %s\n", e.what());
  }
}
// CHECK: Tracer(local)
// CHECK-NEXT: Tracer(temp)
// CHECK-NEXT: fail throws member
// CHECK-NEXT: ~Tracer(temp)
// CHECK-NEXT: ~Tracer(local)
// CHECK-NEXT: main caught: member
// CHECK-NEXT: Tracer(local)
// CHECK-NEXT: Tracer(temp)
// CHECK-NEXT: fail throws comma
// CHECK-NEXT: ~Tracer(temp)
// CHECK-NEXT: ~Tracer(local)
// CHECK-NEXT: main caught: comma
