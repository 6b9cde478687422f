// In a template, a temporary whose own type depends on nothing but which
// is passed to something that does (a dependent operator, call, member
// call or constructor) shows no temporary in the template: only the
// instantiations materialize it. It lives to the end of its
// full-expression when a later part of that full-expression suspends,
// as C++ says (fuzzing found `Log() << v << AWAIT(x)` printing the line
// end before the awaited value): a left operand of <<, a temporary in the
// object of a member call whose argument suspends, an element of a braced
// list before one that suspends.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck %s --match-full-lines
#include "../statements/Inputs/tracer.h"

class Line {
public:
  Line() { std::printf("line:"); }
  Line(const Line &) = delete;
  ~Line() { std::printf(" <end>\n"); }
  const Line &operator<<(int v) const {
    std::printf(" %d", v);
    return *this;
  }
};

AWAITC_ASYNC awaitc::Coro<int> leaf(int v) {
  std::printf(" [leaf %d]", v);
  AWAIT(awaitc::sleep(0));
  return v;
}

template <class T> struct Sink {
  int sum;
  Sink(const Tracer &t, T v, int w) : sum(int(v) + w) { t.use(); }
  int with(int w, const Tracer &t) const {
    t.use();
    return sum + w;
  }
};

template <class T> AWAITC_ASYNC awaitc::Coro<int> lines(T v) {
  Line() << v << AWAIT(leaf(1));
  Line() << 2 << AWAIT(leaf(3)) << v;
  int a = Sink<T>(Tracer("object"), v, 1).with(AWAIT(leaf(6)), Tracer("arg"));
  int b = Sink<T>{Tracer("braced"), v, AWAIT(leaf(7))}.sum;
  std::printf("%d %d\n", a, b);
  return a + b;
}

int main() {
  std::printf("sum %d\n", awaitc::run(lines(10)));
  std::printf("sum %d\n", awaitc::run(lines(short(20))));
  print_live();
}

// CHECK: line: 10 [leaf 1] 1 <end>
// CHECK-NEXT: line: 2 [leaf 3] 3 10 <end>
// CHECK-NEXT: ctor object
// CHECK-NEXT: use object
// CHECK-NEXT:  [leaf 6]ctor arg
// CHECK-NEXT: use arg
// CHECK-NEXT: dtor arg
// CHECK-NEXT: dtor object
// CHECK-NEXT: ctor braced
// CHECK-NEXT:  [leaf 7]use braced
// CHECK-NEXT: dtor braced
// CHECK-NEXT: 17 17
// CHECK-NEXT: sum 34
// CHECK-NEXT: line: 20 [leaf 1] 1 <end>
// CHECK: sum 54
// CHECK-NEXT: live 0
