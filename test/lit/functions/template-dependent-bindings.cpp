// In a function template, a structured binding or a reference whose
// initializer depends on a template parameter, kept across a suspension.
// Clang cannot say in the template whether each binding names a member, an
// element or get<i>, nor whether the initializer is a temporary whose life
// the reference extends; the frame keeps what each instantiation needs.
// Every kind of binding (std::pair, std::tuple, a tuple-like class with a
// member get and one with get found by ADL, a struct, an array, copied
// element by element or bound) in every declared form (copy, const, auto&,
// auto&&, const auto&), with decltype of
// the names; references to a prvalue (the temporary lives to the end of the
// scope), an lvalue (written through), an xvalue and a template
// parameter's value; range-for over a temporary, over an lvalue (not
// copied: the elements cannot be) and over an xvalue; in a function
// template and in a member of a class template.
// RUN: %run-both --out %t %s | FileCheck %s --match-full-lines
#include <awaitc/awaitc.h>

#include <cstdio>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

struct Tracer {
  int id;
  explicit Tracer(int i) : id(i) { std::printf("make %d\n", id); }
  Tracer(const Tracer &o) : id(o.id + 100) { std::printf("copy %d\n", id); }
  ~Tracer() { std::printf("drop %d\n", id); }
};

struct Point {
  int x;
  long y;
};

// Tuple-like, with a member get.
struct Span {
  int lo, hi;
  template <std::size_t I> int get() const { return I == 0 ? lo : hi; }
};
// Tuple-like, with get found by argument-dependent lookup.
namespace geo {
struct Size {
  int w, h;
};
template <std::size_t I> int &get(Size &s) { return I == 0 ? s.w : s.h; }
template <std::size_t I> const int &get(const Size &s) {
  return I == 0 ? s.w : s.h;
}
} // namespace geo

namespace std {
template <> struct tuple_size<Span> : integral_constant<size_t, 2> {};
template <size_t I> struct tuple_element<I, Span> { using type = int; };
template <> struct tuple_size<geo::Size> : integral_constant<size_t, 2> {};
template <size_t I> struct tuple_element<I, geo::Size> { using type = int; };
} // namespace std

AWAITC_ASYNC awaitc::Coro<int> one() { return 1; }
template <class T> AWAITC_ASYNC awaitc::Coro<T> later(T v) {
  AWAIT(awaitc::sleep(0));
  return v;
}
template <class T> T make(T v) { return v; }

template <class T> AWAITC_ASYNC awaitc::Coro<int> bind_kinds(T v) {
  auto [a, b] = std::make_pair(v, v + 1);
  const auto [c, d, e] = std::make_tuple(v, 2 * v, 3 * v);
  auto [sx, sy] = Span{int(v), int(v) + 5};
  geo::Size size{int(v), 9};
  auto &[w, h] = size;
  auto [px, py] = Point{int(v), 7};
  T arr[2] = {v, v + 10};
  auto &[first, second] = arr;
  auto [copy0, copy1] = arr; // a copy, element by element
  const auto [c2, c3] = std::move(arr);
  auto &&[r0, r1] = std::make_pair(v, AWAIT(one()));
  const auto &[k0, k1] = std::make_pair(AWAIT(later(v)), v);
  AWAIT(awaitc::sleep(0));
  static_assert(std::is_same_v<decltype(a), T>);
  static_assert(std::is_same_v<decltype(c), const T>);
  static_assert(std::is_same_v<decltype(sx), int>);
  static_assert(std::is_same_v<decltype(w), int>);
  static_assert(std::is_same_v<decltype(py), long>);
  static_assert(std::is_same_v<decltype(first), T>);
  static_assert(std::is_same_v<decltype(k1), const T>);
  static_assert(std::is_same_v<decltype(c3), const T>);
  h = 90;       // through the reference to size
  second += 1;  // through the reference to arr
  r1 += 1;      // the pair the reference keeps alive
  copy0 += 100; // the copy, not arr
  if (copy0 != v + 100 || copy1 != v + 10 || c2 != v || c3 != v + 10 ||
      arr[0] != v)
    std::printf("wrong copy\n");
  std::printf("%d %d | %d %d %d | %d %d | %d %d %d | %d %ld | %d %d %d | "
              "%d %d | %d %d\n",
              int(a), int(b), int(c), int(d), int(e), sx, sy, w, h, size.h,
              px, py, int(first), int(second), int(arr[1]), int(r0), int(r1),
              int(k0), int(k1));
  return int(a + b + c + d + e) + sx + sy + w + h + px + int(py);
}

template <class T> T &make_ref(T &x) { return x; }

template <class Tr, class T> AWAITC_ASYNC awaitc::Coro<void> references(T v) {
  {
    const auto &kept = make(Tr(v));
    auto &&also = make(Tr(v + 1));
    const Tr &written = make(Tr(v + 2));
    AWAIT(awaitc::sleep(0));
    std::printf("kept %d %d %d\n", kept.id, also.id, written.id);
  }
  Tr local(v + 3);
  auto &alias = make_ref(local);
  auto &&moved = std::move(make_ref(local));
  AWAIT(awaitc::sleep(0));
  alias.id += 1000;
  std::printf("alias %d %d %d\n", alias.id, moved.id, local.id);
}

template <class Box> AWAITC_ASYNC awaitc::Coro<int> loops(Box &box) {
  int sum = 0;
  for (const auto &t : make(std::vector<int>{1, 2, 3})) {
    AWAIT(awaitc::sleep(0));
    sum += t;
  }
  for (auto &p : items_of(box)) {
    AWAIT(awaitc::sleep(0));
    sum += *p;
    *p += 1; // the box's own elements, not a copy
  }
  for (auto &p : std::move(items_of(box))) {
    AWAIT(awaitc::sleep(0));
    sum += *p;
  }
  return sum + *items_of(box)[0];
}

// A member of a class template, and a reference to a template parameter's
// value (a prvalue: the reference keeps a temporary).
template <class T> struct Holder {
  T base;
  AWAITC_ASYNC awaitc::Coro<int> run(T v) {
    const auto &[a, b] = std::make_pair(base, v);
    auto &&r = make(v + base);
    AWAIT(awaitc::sleep(0));
    return int(a + b + r);
  }
};

// A binding whose initializer awaits (its lowering adds frame slots before
// the object's own construction).
template <class T> AWAITC_ASYNC awaitc::Coro<int> awaited(T v) {
  auto [g0, g1] = AWAIT(later(std::make_pair(v, v + 2)));
  const auto [h0, h1] = AWAIT(later(std::make_pair(v, v + 3)));
  AWAIT(awaitc::sleep(0));
  return int(g0 + g1 + h0 + h1);
}

template <int N> AWAITC_ASYNC awaitc::Coro<int> constant() {
  const auto &n = N;
  auto &&m = N + 1;
  AWAIT(awaitc::sleep(0));
  return n + m;
}

struct UniqueBox {
  std::vector<std::unique_ptr<int>> items;
};
std::vector<std::unique_ptr<int>> &items_of(UniqueBox &box) {
  return box.items;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  // CHECK: 3 4 | 3 6 9 | 3 8 | 3 90 90 | 3 7 | 3 14 14 | 3 2 | 3 3
  // CHECK-NEXT: sum 139
  std::printf("sum %d\n", AWAIT(bind_kinds<int>(3)));
  // CHECK-NEXT: 2 3 | 2 4 6 | 2 7 | 2 90 90 | 2 7 | 2 13 13 | 2 2 | 2 2
  // CHECK-NEXT: sum 127
  std::printf("sum %d\n", AWAIT(bind_kinds<long>(2)));
  // The temporaries live to the end of their references' scope; a copy
  // adds 100 (make returns its parameter, which cannot be elided).
  // CHECK-NEXT: make 10
  // CHECK-NEXT: copy 110
  // CHECK-NEXT: drop 10
  // CHECK-NEXT: make 11
  // CHECK-NEXT: copy 111
  // CHECK-NEXT: drop 11
  // CHECK-NEXT: make 12
  // CHECK-NEXT: copy 112
  // CHECK-NEXT: drop 12
  // CHECK-NEXT: kept 110 111 112
  // CHECK-NEXT: drop 112
  // CHECK-NEXT: drop 111
  // CHECK-NEXT: drop 110
  // CHECK-NEXT: make 13
  // CHECK-NEXT: alias 1013 1013 1013
  // CHECK-NEXT: drop 1013
  AWAIT(references<Tracer>(10));
  UniqueBox box;
  box.items.push_back(std::make_unique<int>(10));
  box.items.push_back(std::make_unique<int>(20));
  // 1+2+3, then 10+20 (and each element + 1), then 11+21, then 11.
  // CHECK-NEXT: loops 79
  std::printf("loops %d\n", AWAIT(loops(box)));
  // CHECK-NEXT: awaited 9
  std::printf("awaited %d\n", AWAIT(awaited(1)));
  // CHECK-NEXT: holder 12 constant 9
  Holder<long> holder{1};
  std::printf("holder %d constant %d\n", AWAIT(holder.run(5)),
              AWAIT(constant<4>()));
}

int main() { awaitc::run(main_coro()); }
