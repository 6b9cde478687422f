// A lambda called with an argument that awaits, in every position an
// expression can stand (conditions of if, switch, while, for and do, a for
// loop's increment, return, initializers, an operand of &&, ?: and of
// another call), and with every kind of capture: the closure is created
// before the arguments (it is the callee) and kept in the frame across the
// suspension, its type named by the factory that creates it.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>

struct Tracer {
  int id;
  explicit Tracer(int i) : id(i) { std::printf("  +T%d\n", id); }
  Tracer(const Tracer &o) : id(o.id + 100) { std::printf("  +T%d (copy)\n", id); }
  ~Tracer() { std::printf("  -T%d\n", id); }
};

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

int side(int a, int b) {
  std::printf("  side(%d, %d)\n", a, b);
  return a + b;
}

AWAITC_ASYNC awaitc::Coro<void> conditions(bool c, int x) {
  std::printf("switch\n");
  switch ((c && side(42, [k = 9](auto n) { return n + k; }(AWAIT(v(1))))) & 3) {
  case 1:
    std::printf("  one\n");
    break;
  default:
    std::printf("  other\n");
  }
  std::printf("if\n");
  if (c && [x](int n) { return n > x; }(AWAIT(v(2))))
    std::printf("  yes\n");
  else
    std::printf("  no\n");
  std::printf("while\n");
  int i = 0;
  while ([&i](int n) { return i++ < n; }(AWAIT(v(2))))
    std::printf("  i=%d\n", i);
  std::printf("for\n");
  for (int j = 0; [j](int n) { return j < n; }(AWAIT(v(2)));
       j = [](int n, int d) { return n + d; }(j, AWAIT(v(1))))
    std::printf("  j=%d\n", j);
  std::printf("do\n");
  int d = 0;
  do
    ++d;
  while ([=](int n) mutable { return ++x, d + n < x; }(AWAIT(v(1))));
  std::printf("  d=%d x=%d\n", d, x);
}

AWAITC_ASYNC awaitc::Coro<int> returns(int x) {
  return [&](int n) { return n * x; }(AWAIT(v(3)));
}

AWAITC_ASYNC awaitc::Coro<void> closures_with_destructors(int x) {
  std::printf("copy of a Tracer\n");
  Tracer t(1);
  int a = [t](int n) { return t.id + n; }(AWAIT(v(10)));
  std::printf("  a=%d\n", a);
  std::printf("init-capture of a Tracer\n");
  int b([u = Tracer(2)](int n) { return u.id * n; }(AWAIT(v(x))));
  std::printf("  b=%d\n", b);
  std::printf("returns a Tracer\n");
  int e{[](int n) { return Tracer(n); }(AWAIT(v(3))).id + 1};
  std::printf("  e=%d\n", e);
  std::printf("in ?:\n");
  int f = x > 1 ? [t](int n) { return t.id - n; }(AWAIT(v(4))) : 0;
  std::printf("  f=%d\n", f);
  std::printf("nested\n");
  int g = [](int p, int q) { return p * q; }(
      [x](int n) { return n + x; }(AWAIT(v(5))), AWAIT(v(6)));
  std::printf("  g=%d\n", g);
  std::printf("statement\n");
  [t](int n) { std::printf("  t=%d n=%d\n", t.id, n); }(AWAIT(v(7)));
  std::printf("end\n");
}

template <typename T>
AWAITC_ASYNC awaitc::Coro<T> in_template(T x) {
  if ([x](T n) { return n + x > 3; }(AWAIT(v(2))))
    return [](auto n, T m) { return n * m; }(AWAIT(v(4)), x);
  return 0;
}

int main() {
  awaitc::run(conditions(true, 1));
  awaitc::run(conditions(false, 5));
  std::printf("return %d\n", awaitc::run(returns(4)));
  awaitc::run(closures_with_destructors(2));
  std::printf("template %d\n", awaitc::run(in_template(3)));
  std::printf("template %ld\n", awaitc::run(in_template(1L)));
}
// CHECK: switch
// CHECK-NEXT:   side(42, 10)
// CHECK-NEXT:   one
// CHECK-NEXT: if
// CHECK-NEXT:   yes
// CHECK-NEXT: while
// CHECK-NEXT:   i=1
// CHECK-NEXT:   i=2
// CHECK-NEXT: for
// CHECK-NEXT:   j=0
// CHECK-NEXT:   j=1
// CHECK-NEXT: do
// CHECK-NEXT:   d=1 x=1
// CHECK-NEXT: switch
// CHECK-NEXT:   other
// CHECK-NEXT: if
// CHECK-NEXT:   no
// CHECK-NEXT: while
// CHECK-NEXT:   i=1
// CHECK-NEXT:   i=2
// CHECK-NEXT: for
// CHECK-NEXT:   j=0
// CHECK-NEXT:   j=1
// CHECK-NEXT: do
// CHECK-NEXT:   d=5 x=5
// CHECK-NEXT: return 12
// CHECK-NEXT: copy of a Tracer
// CHECK-NEXT:   +T1
// CHECK-NEXT:   +T101 (copy)
// CHECK-NEXT:   -T101
// CHECK-NEXT:   a=111
// CHECK-NEXT: init-capture of a Tracer
// CHECK-NEXT:   +T2
// CHECK-NEXT:   -T2
// CHECK-NEXT:   b=4
// CHECK-NEXT: returns a Tracer
// CHECK-NEXT:   +T3
// CHECK-NEXT:   -T3
// CHECK-NEXT:   e=4
// CHECK-NEXT: in ?:
// CHECK-NEXT:   +T101 (copy)
// CHECK-NEXT:   -T101
// CHECK-NEXT:   f=97
// CHECK-NEXT: nested
// CHECK-NEXT:   g=42
// CHECK-NEXT: statement
// CHECK-NEXT:   +T101 (copy)
// CHECK-NEXT:   t=101 n=7
// CHECK-NEXT:   -T101
// CHECK-NEXT: end
// CHECK-NEXT:   -T1
// CHECK-NEXT: template 12
// CHECK-NEXT: template 0
