// Structured bindings that copy (of a local array, of a struct, of a
// tuple-like type), living across suspensions: each form of initializer
// (= and ()), const, by reference, arrays of class type (copied element by
// element, destroyed in reverse), an array reached through an expression,
// in a loop, in a range-for and in a function template.
// RUN: %run-both --out %t %s | FileCheck %s --match-full-lines
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <tuple>
#include <utility>

struct Tracer {
  explicit Tracer(int id) : id(id) { std::printf("Tracer(%d)\n", id); }
  Tracer(const Tracer &o) : id(o.id + 100) { std::printf("copy Tracer(%d)\n", id); }
  ~Tracer() { std::printf("~Tracer(%d)\n", id); }
  int id;
};
struct P {
  int x;
  Tracer t;
};
struct Holder {
  int values[2];
};

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}
static Holder *holder(Holder &h) {
  std::printf("holder()\n");
  return &h;
}

AWAITC_ASYNC awaitc::Coro<void> arrays() {
  int arr[2] = {3, 4};
  auto [a, b] = arr;
  auto [c, d](arr);
  const auto [g, h] = arr;
  AWAIT(v(0));
  arr[0] = 9;
  // CHECK: 3 4 3 4 3 4
  std::printf("%d %d %d %d %d %d\n", a, b, c, d, g, h);
  auto &[ra, rb] = arr;
  AWAIT(v(0));
  ra = 7;
  // CHECK-NEXT: 7 4 7
  std::printf("%d %d %d\n", arr[0], rb, ra);
  Holder hold{{5, 6}};
  // CHECK-NEXT: holder()
  auto [x, y] = holder(hold)->values;
  AWAIT(v(0));
  hold.values[1] = 0;
  // CHECK-NEXT: 5 6
  std::printf("%d %d\n", x, y);
}

AWAITC_ASYNC awaitc::Coro<void> objects() {
  // CHECK-NEXT: Tracer(1)
  // CHECK-NEXT: Tracer(2)
  Tracer ts[2] = {Tracer(1), Tracer(2)};
  // CHECK-NEXT: copy Tracer(101)
  // CHECK-NEXT: copy Tracer(102)
  auto [t1, t2] = ts;
  AWAIT(v(0));
  // CHECK-NEXT: 101 102
  std::printf("%d %d\n", t1.id, t2.id);
  // CHECK-NEXT: Tracer(6)
  P p{5, Tracer(6)};
  // CHECK-NEXT: copy Tracer(106)
  auto [px, pt] = p;
  AWAIT(v(0));
  p.x = 0;
  // CHECK-NEXT: 5 106
  std::printf("%d %d\n", px, pt.id);
  auto &[rx, rt] = p;
  AWAIT(v(0));
  rx = 8;
  // CHECK-NEXT: 8 6
  std::printf("%d %d\n", p.x, rt.id);
  // CHECK-NEXT: ~Tracer(106)
  // CHECK-NEXT: ~Tracer(6)
  // CHECK-NEXT: ~Tracer(102)
  // CHECK-NEXT: ~Tracer(101)
  // CHECK-NEXT: ~Tracer(2)
  // CHECK-NEXT: ~Tracer(1)
}

AWAITC_ASYNC awaitc::Coro<void> tuples() {
  std::tuple<int, std::string> tu(1, "s");
  auto [ti, ts] = tu;
  const auto [ci, cs] = tu;
  auto &&[fi, fs] = tu;
  AWAIT(v(0));
  std::get<0>(tu) = 8;
  // CHECK-NEXT: 1 s 1 s 8 s
  std::printf("%d %s %d %s %d %s\n", ti, ts.c_str(), ci, cs.c_str(), fi,
              fs.c_str());
  std::pair<int, int> ps[2] = {{1, 2}, {3, 4}};
  for (auto [k, val] : ps) {
    AWAIT(v(0));
    ps[0].first = 0;
    // CHECK-NEXT: pair 1 2
    // CHECK-NEXT: pair 3 4
    std::printf("pair %d %d\n", k, val);
  }
  for (int i = 0; i < 2; ++i) {
    int arr[2] = {i, i + 1};
    auto [a, b] = arr;
    AWAIT(v(0));
    arr[1] = 0;
    // CHECK-NEXT: loop 0 1
    // CHECK-NEXT: loop 1 2
    std::printf("loop %d %d\n", a, b);
  }
}

template <class T> AWAITC_ASYNC awaitc::Coro<T> in_template(T scale) {
  int arr[2] = {2, 3};
  auto [a, b] = arr;
  AWAIT(v(0));
  arr[0] = 0;
  return scale * (a + b);
}
// CHECK-NEXT: template 50

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(arrays());
  AWAIT(objects());
  AWAIT(tuples());
  std::printf("template %d\n", AWAIT(in_template(10)));
}

int main() { awaitc::run(main_coro()); }
