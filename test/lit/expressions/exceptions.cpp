// An exception thrown by an awaited coroutine propagates through every AWAIT
// to the awaiter, out of run(), to main. The temporaries and locals of the
// frames it leaves are destroyed, once. The rest of the expression is not
// evaluated.
// RUN: %run-both --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

struct Tracer {
  explicit Tracer(const char *n) : name(n) { std::printf("Tracer(%s)\n", n); }
  Tracer(const Tracer &) = delete;
  ~Tracer() { std::printf("~Tracer(%s)\n", name); }
  int take(int x) const { return x; }
  const char *name;
};
AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}
AWAITC_ASYNC awaitc::Coro<int> fail(const char *what) {
  Tracer local("fail.local");
  AWAIT(awaitc::sleep(0));
  std::printf("fail throws %s\n", what);
  throw std::runtime_error(what);
}
AWAITC_ASYNC awaitc::Coro<int> fail_at_once(const char *what) {
  std::printf("fail_at_once throws %s\n", what);
  throw std::logic_error(what);
}
static int after(int x) {
  std::printf("after(%d) must not run\n", x);
  return x;
}
AWAITC_ASYNC awaitc::Coro<int> middle(int which) {
  Tracer local("middle.local");
  if (which == 0)
    return AWAIT(v(1)) + AWAIT(fail("sum")) + after(1);
  if (which == 1)
    return AWAIT(v(1)) * AWAIT(fail("product")) + after(1);
  if (which == 2)
    return AWAIT(fail_at_once("sync")) * after(2);
  awaitc::Task<int> t = awaitc::create_task(fail("task"));
  return AWAIT(t);
}
AWAITC_ASYNC awaitc::Coro<int> main_coro(int which) {
  int r = AWAIT(middle(which));
  std::printf("main_coro must not get here %d\n", r);
  return r;
}

int main() {
  for (int which = 0; which < 4; ++which) {
    try {
      awaitc::run(main_coro(which));
      std::printf("no exception\n");
    } catch (const std::exception &e) {
      std::printf("main caught: %s\n", e.what());
    }
  }
}
// CHECK: Tracer(middle.local)
// CHECK-NEXT: Tracer(fail.local)
// CHECK-NEXT: fail throws sum
// CHECK-NEXT: ~Tracer(fail.local)
// CHECK-NEXT: ~Tracer(middle.local)
// CHECK-NEXT: main caught: sum

// CHECK-NEXT: Tracer(middle.local)
// CHECK-NEXT: Tracer(fail.local)
// CHECK-NEXT: fail throws product
// CHECK-NEXT: ~Tracer(fail.local)
// CHECK-NEXT: ~Tracer(middle.local)
// CHECK-NEXT: main caught: product

// CHECK-NEXT: Tracer(middle.local)
// CHECK-NEXT: fail_at_once throws sync
// CHECK-NEXT: ~Tracer(middle.local)
// CHECK-NEXT: main caught: sync

// CHECK-NEXT: Tracer(middle.local)
// CHECK-NEXT: Tracer(fail.local)
// CHECK-NEXT: fail throws task
// CHECK-NEXT: ~Tracer(fail.local)
// CHECK-NEXT: ~Tracer(middle.local)
// CHECK-NEXT: main caught: task
// CHECK-NOT: must not
