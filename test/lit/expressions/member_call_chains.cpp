// Member calls whose object, and whose arguments, await: a temporary object
// built from an awaited value, chains through returned references
// (string::append, a builder), an awaited object, a chain through a returned
// pointer, in a function template and inside loops and try blocks. The object
// is evaluated before the arguments (C++17), and temporaries live to the end
// of the full-expression, destroyed in reverse order.
// RUN: %run-both --out %t %s | FileCheck %s --match-full-lines
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  std::printf("v(%d)\n", x);
  AWAIT(awaitc::sleep(0));
  return x;
}
AWAITC_ASYNC awaitc::Coro<std::string> s(const char *x) {
  AWAIT(awaitc::sleep(0));
  return x;
}
struct Acc {
  explicit Acc(int v) : v(v) { std::printf("Acc(%d)\n", v); }
  Acc(const Acc &o) : v(o.v) { std::printf("copy Acc(%d)\n", v); }
  ~Acc() { std::printf("~Acc(%d)\n", v); }
  Acc add(int x) const {
    std::printf("Acc(%d).add(%d)\n", v, x);
    return Acc(v + x);
  }
  int v;
};
struct Builder {
  int n = 0;
  Builder &add(int x) {
    std::printf("add(%d)\n", x);
    n += x;
    return *this;
  }
  Builder &times(int x) {
    std::printf("times(%d)\n", x);
    n *= x;
    return *this;
  }
  Builder *next() { return this; }
};
AWAITC_ASYNC awaitc::Coro<Builder *> builder_ptr(Builder *b) {
  AWAIT(awaitc::sleep(0));
  return b;
}

AWAITC_ASYNC awaitc::Coro<void> chains() {
  // CHECK: v(1)
  // CHECK-NEXT: Acc(1)
  // CHECK-NEXT: v(2)
  // CHECK-NEXT: Acc(1).add(2)
  // CHECK-NEXT: Acc(3)
  // CHECK-NEXT: ~Acc(3)
  // CHECK-NEXT: ~Acc(1)
  // CHECK-NEXT: r=3
  int r = Acc{AWAIT(v(1))}.add(AWAIT(v(2))).v;
  std::printf("r=%d\n", r);

  std::string t;
  t.append(AWAIT(s("a"))).append("+").append(AWAIT(s("b")));
  // CHECK-NEXT: a+b
  std::printf("%s\n", t.c_str());

  Builder b;
  // CHECK-NEXT: v(3)
  // CHECK-NEXT: add(3)
  // CHECK-NEXT: v(4)
  // CHECK-NEXT: times(4)
  // CHECK-NEXT: v(5)
  // CHECK-NEXT: add(5)
  // CHECK-NEXT: n=17
  b.add(AWAIT(v(3))).times(AWAIT(v(4))).add(AWAIT(v(5)));
  std::printf("n=%d\n", b.n);

  // CHECK-NEXT: add(1)
  // CHECK-NEXT: v(6)
  // CHECK-NEXT: times(6)
  AWAIT(builder_ptr(&b))->add(1).next()->times(AWAIT(v(6)));
  // CHECK-NEXT: n=108
  std::printf("n=%d\n", b.n);

  // CHECK-NEXT: size 5
  std::size_t n = AWAIT(s("abc")).append(AWAIT(s("de"))).size();
  std::printf("size %zu\n", n);
}

AWAITC_ASYNC awaitc::Coro<void> loops_and_try() {
  for (int i = 0; i < 2; ++i) {
    Builder b;
    b.add(AWAIT(v(i))).times(AWAIT(v(10)));
    std::printf("loop n=%d\n", b.n);
  }
  // CHECK-NEXT: v(0)
  // CHECK-NEXT: add(0)
  // CHECK-NEXT: v(10)
  // CHECK-NEXT: times(10)
  // CHECK-NEXT: loop n=0
  // CHECK-NEXT: v(1)
  // CHECK-NEXT: add(1)
  // CHECK-NEXT: v(10)
  // CHECK-NEXT: times(10)
  // CHECK-NEXT: loop n=10
  try {
    Builder b;
    b.add(AWAIT(v(7))).add(AWAIT(v(8)));
    throw b.n;
  } catch (int n) {
    std::printf("caught %d\n", n);
  }
  // CHECK-NEXT: v(7)
  // CHECK-NEXT: add(7)
  // CHECK-NEXT: v(8)
  // CHECK-NEXT: add(8)
  // CHECK-NEXT: caught 15
}

template <class B> AWAITC_ASYNC awaitc::Coro<int> in_template(B b) {
  b.add(AWAIT(v(2))).times(AWAIT(v(3)));
  std::string t;
  t.append(AWAIT(s("x"))).append("-").append(AWAIT(s("y")));
  std::printf("template %s\n", t.c_str());
  return b.n;
}
// CHECK-NEXT: v(2)
// CHECK-NEXT: add(2)
// CHECK-NEXT: v(3)
// CHECK-NEXT: times(3)
// CHECK-NEXT: template x-y
// CHECK-NEXT: template result 6

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(chains());
  AWAIT(loops_and_try());
  std::printf("template result %d\n", AWAIT(in_template(Builder())));
}

int main() { awaitc::run(main_coro()); }
