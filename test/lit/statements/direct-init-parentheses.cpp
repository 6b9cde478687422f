// Direct-initialization with parentheses whose initializer awaits, of a
// local that lives across a later suspension and of one that does not:
// scalars, class types with one and several arguments, an extra pair of
// parentheses, a prvalue of the class type, several declarators, in a loop,
// a try block, a function template and a member of a class template.
// RUN: %run-both --out %t %s | FileCheck %s --match-full-lines
// RUN: FileCheck %s --check-prefix=CODE --input-file=%t.awaitc.cpp
#include <awaitc/awaitc.h>

#include <cstdio>

struct Tracer {
  explicit Tracer(int a) : id(a) { std::printf("Tracer(%d)\n", id); }
  Tracer(int a, int b) : id(a * 10 + b) { std::printf("Tracer(%d)\n", id); }
  Tracer(const Tracer &o) : id(o.id) { std::printf("copy Tracer(%d)\n", id); }
  ~Tracer() { std::printf("~Tracer(%d)\n", id); }
  int id;
};

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

AWAITC_ASYNC awaitc::Coro<void> plain() {
  // Not alive across a later suspension (the last AWAIT of each block is in
  // the declaration): declared in step() as written.
  {
    // CODE: int a(await_1.await_resume());
    int a(AWAIT(v(1)));
    // CHECK: a=1
    std::printf("a=%d\n", a);
  }
  {
    // CODE: int b(1 + await_2.await_resume());
    int b(1 + AWAIT(v(1)));
    // CHECK-NEXT: b=2
    std::printf("b=%d\n", b);
  }
  {
    // CODE: int c((await_3.await_resume()));
    int c((AWAIT(v(3))));
    // CHECK-NEXT: c=3
    std::printf("c=%d\n", c);
  }
  {
    // CODE: Tracer t(5, await_4.await_resume());
    Tracer t(5, AWAIT(v(4)));
    // CHECK-NEXT: Tracer(54)
    // CHECK-NEXT: t=54
    std::printf("t=%d\n", t.id);
    // CHECK-NEXT: ~Tracer(54)
  }
  {
    // CODE: Tracer u(Tracer(await_5.await_resume()));
    Tracer u(Tracer(AWAIT(v(6))));
    // CHECK-NEXT: Tracer(6)
    // CHECK-NEXT: u=6
    std::printf("u=%d\n", u.id);
    // CHECK-NEXT: ~Tracer(6)
  }
  {
    int d(7), e(AWAIT(v(8)) * 2);
    // CHECK-NEXT: d=7 e=16
    std::printf("d=%d e=%d\n", d, e);
  }
  int f(AWAIT(v(9)));
  // CHECK-NEXT: f=9
  std::printf("f=%d\n", f);
}

AWAITC_ASYNC awaitc::Coro<void> hoisted() {
  // Alive across a later suspension: frame members.
  int a(AWAIT(v(1)));
  int b(1 + AWAIT(v(1)));
  // CHECK-NEXT: Tracer(54)
  Tracer t(5, AWAIT(v(4)));
  // CHECK-NEXT: Tracer(6)
  Tracer u(Tracer(AWAIT(v(6))));
  AWAIT(v(0));
  // CHECK-NEXT: 1 2 54 6
  std::printf("%d %d %d %d\n", a, b, t.id, u.id);
  // CHECK-NEXT: ~Tracer(6)
  // CHECK-NEXT: ~Tracer(54)
}

AWAITC_ASYNC awaitc::Coro<void> loop_and_try() {
  for (int i = 0; i < 2; ++i) {
    int z(AWAIT(v(i)) + 10);
    Tracer t(i, AWAIT(v(i)));
    std::printf("z=%d t=%d\n", z, t.id);
  }
  // CHECK-NEXT: Tracer(0)
  // CHECK-NEXT: z=10 t=0
  // CHECK-NEXT: ~Tracer(0)
  // CHECK-NEXT: Tracer(11)
  // CHECK-NEXT: z=11 t=11
  // CHECK-NEXT: ~Tracer(11)
  try {
    int w(AWAIT(v(3)));
    Tracer t(w, AWAIT(v(4)));
    throw t.id;
  } catch (int e) {
    std::printf("caught %d\n", e);
  }
  // CHECK-NEXT: Tracer(34)
  // CHECK-NEXT: ~Tracer(34)
  // CHECK-NEXT: caught 34
}

template <class T> AWAITC_ASYNC awaitc::Coro<T> in_template(T base) {
  T a(AWAIT(v(1)));
  T b(base + AWAIT(v(2)));
  Tracer t(a, AWAIT(v(3)));
  std::printf("template %d %d %d\n", (int)a, (int)b, t.id);
  T c(AWAIT(v(4)));
  AWAIT(v(0));
  return a + b + c;
}
// CHECK-NEXT: Tracer(13)
// CHECK-NEXT: template 1 12 13
// CHECK-NEXT: ~Tracer(13)
// CHECK-NEXT: template result 17

template <class T> struct Box {
  T base;
  AWAITC_ASYNC awaitc::Coro<T> get() {
    T a(base + AWAIT(v(1)));
    return a;
  }
};
// CHECK-NEXT: member 101

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(plain());
  AWAIT(hoisted());
  AWAIT(loop_and_try());
  std::printf("template result %d\n", AWAIT(in_template(10)));
  Box<long> box{100};
  std::printf("member %ld\n", AWAIT(box.get()));
}

int main() { awaitc::run(main_coro()); }
