// A temporary bound to a reference parameter of an awaited coroutine lives
// in the frame until the end of the full-expression, also when its own
// initializer awaits (`AWAIT(use(std::vector<int>{AWAIT(one()), 2}))`), and
// in a template whose temporary has a dependent type (`AWAIT(use(x + 1))`,
// `AWAIT(use(Box<T>(x)))`, `AWAIT(use(std::vector<T>{x, AWAIT(one())}))`):
// the callee reads it after suspending. Also in a
// loop, as the object of a member call, in a try block whose callee throws
// after suspending (the temporary dies before the handler runs), and with
// several temporaries, destroyed in reverse order. Under the sanitizers a
// dangling temporary is a stack-use-after-return.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

#include <stdexcept>
#include <vector>

AWAITC_ASYNC awaitc::Coro<int> one() {
  AWAIT(awaitc::sleep(0));
  return 1;
}

AWAITC_ASYNC awaitc::Coro<int> use(const std::vector<int> &v) {
  AWAIT(awaitc::sleep(0));
  return v[0] + v[1];
}

AWAITC_ASYNC awaitc::Coro<int> use_int(const int &v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

struct Named {
  Tracer tracer;
  int v;
  Named(const char *name, int value) : tracer(name, value), v(value) {}
  int value() const {
    tracer.use();
    return v;
  }
};

struct Two {
  Named n, m;
};

AWAITC_ASYNC awaitc::Coro<int> use_two(const Two &t) {
  AWAIT(awaitc::sleep(0));
  t.n.tracer.use();
  t.m.tracer.use();
  return t.n.v + t.m.v;
}

AWAITC_ASYNC awaitc::Coro<int> use_then_fail(const Named &n) {
  AWAIT(awaitc::sleep(0));
  n.tracer.use();
  throw std::runtime_error("failed");
}

template <class T> struct Box {
  T v;
  explicit Box(T value) : v(value) { std::printf("ctor box\n"); }
  ~Box() { std::printf("dtor box\n"); }
};

template <class T>
AWAITC_ASYNC awaitc::Coro<int> read_box(const Box<T> &b) {
  AWAIT(awaitc::sleep(0));
  return static_cast<int>(b.v);
}

template <class T> AWAITC_ASYNC awaitc::Coro<int> dependent(T x) {
  int a = AWAIT(use_int(x + 1));
  int b = AWAIT(read_box(Box<T>(x)));
  int c = AWAIT(use_int(static_cast<int>(x) * AWAIT(one())));
  // A dependent temporary built from a braced list (an initializer_list,
  // whose array the constructor uses up) whose elements await.
  int d = AWAIT(use(std::vector<int>{AWAIT(one()), int(x)}));
  int e = AWAIT(use_int(AWAIT(use(std::vector<T>{x, AWAIT(one())}))));
  return a + b + c + d + e;
}

AWAITC_ASYNC awaitc::Coro<void> all() {
  std::printf("vector %d\n", AWAIT(use(std::vector<int>{AWAIT(one()), 2})));
  std::printf("int %d\n", AWAIT(use_int(AWAIT(one()) + 41)));
  std::printf("two %d\n",
              AWAIT(use_two(Two{Named("a", AWAIT(one())), Named("b", 2)})));
  std::printf("member %d\n",
              AWAIT(use_int(Named("m", AWAIT(one())).value() + 1)));
  for (int i = 0; i < 2; ++i)
    std::printf("loop %d\n", AWAIT(use_int(i * 10 + AWAIT(one()))));
  try {
    AWAIT(use_then_fail(Named("f", AWAIT(one()))));
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
  std::printf("dependent %d\n", AWAIT(dependent(5)));
}

int main() {
  awaitc::run(all());
  print_live();
}

// CHECK: vector 3
// CHECK-NEXT: int 42
// CHECK-NEXT: ctor a1
// CHECK-NEXT: ctor b2
// CHECK-NEXT: use a1
// CHECK-NEXT: use b2
// CHECK-NEXT: two 3
// CHECK-NEXT: dtor b2
// CHECK-NEXT: dtor a1
// CHECK-NEXT: ctor m1
// CHECK-NEXT: use m1
// CHECK-NEXT: member 2
// CHECK-NEXT: dtor m1
// CHECK-NEXT: loop 1
// CHECK-NEXT: loop 11
// CHECK-NEXT: ctor f1
// CHECK-NEXT: use f1
// CHECK-NEXT: dtor f1
// CHECK-NEXT: caught failed
// CHECK-NEXT: ctor box
// CHECK-NEXT: dtor box
// CHECK-NEXT: dependent 28
// CHECK-NEXT: live 0
// CHECK-EMPTY:
