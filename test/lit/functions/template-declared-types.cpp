// In a function template, locals kept across a suspension whose declared
// type depends on a template parameter keep that type: decltype of each is
// what C++ says, and a reference stays a reference to the same object.
// Every placeholder form (auto, const auto, auto &, const auto &, auto &&,
// const auto &&, auto *, const auto *, auto *const, const auto **,
// decltype(auto) of a prvalue, an lvalue, an xvalue and a named variable),
// types named by decltype of another local (with const, a pointer, an
// array), range-for variables;
// a forwarding-reference parameter (T &&) called with an lvalue and with
// an rvalue, and a local of type T that is a reference in one
// instantiation and an object in the other: written through when it is a
// reference, moved from when it is returned as an object, copied when it
// is returned as a reference.
// RUN: %run-both --out %t %s | FileCheck %s --match-full-lines
#include <awaitc/awaitc.h>

#include <cstdio>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using std::is_same_v;

AWAITC_ASYNC awaitc::Coro<int> one() {
  AWAIT(awaitc::sleep(0));
  return 1;
}
template <class T> T make(T v) { return v; }

struct Box {
  int value;
};

template <class T>
AWAITC_ASYNC awaitc::Coro<int> placeholders(T x, std::vector<T> &vec) {
  auto a = make(x);
  const auto b = make(x);
  auto &c = vec[0];
  const auto &d = make(x);
  auto &&e = vec[1];
  auto &&f = make(x);
  auto &&g = std::move(vec[2]);
  const auto &&h = make(x);
  auto *p = &vec[0];
  const auto *cp = &vec[1];
  auto *const pc = &vec[2];
  const auto **pp = &cp;
  AWAIT(one());
  static_assert(is_same_v<decltype(a), T>);
  static_assert(is_same_v<decltype(b), const T>);
  static_assert(is_same_v<decltype(c), T &>);
  static_assert(is_same_v<decltype(d), const T &>);
  static_assert(is_same_v<decltype(e), T &>);
  static_assert(is_same_v<decltype(f), T &&>);
  static_assert(is_same_v<decltype(g), T &&>);
  static_assert(is_same_v<decltype(h), const T &&>);
  static_assert(is_same_v<decltype(p), T *>);
  static_assert(is_same_v<decltype(cp), const T *>);
  static_assert(is_same_v<decltype(pc), T *const>);
  static_assert(is_same_v<decltype(pp), const T **>);
  c = 10;
  e = 20;
  g = 30;
  return int(a + b + d + f + h + *p + **pp + *pc);
}

template <class T>
AWAITC_ASYNC awaitc::Coro<int> decltype_auto(T x, std::vector<T> &vec,
                                             Box &box) {
  decltype(auto) lvalue = vec[0];
  decltype(auto) xvalue = std::move(vec[1]);
  decltype(auto) prvalue = make(x);
  decltype(auto) named = x;
  decltype(auto) member = box.value;
  decltype(auto) parenthesized = (box.value);
  AWAIT(one());
  static_assert(is_same_v<decltype(lvalue), T &>);
  static_assert(is_same_v<decltype(xvalue), T &&>);
  static_assert(is_same_v<decltype(prvalue), T>);
  static_assert(is_same_v<decltype(named), T>);
  static_assert(is_same_v<decltype(member), int>);
  static_assert(is_same_v<decltype(parenthesized), int &>);
  lvalue = 100;     // vec[0]
  xvalue = 200;     // vec[1]
  named = 0;        // a copy of x
  member = 0;       // a copy of box.value
  parenthesized += 5; // box.value
  return int(prvalue + x);
}

template <class T> AWAITC_ASYNC awaitc::Coro<int> named_by_decltype(T x) {
  auto &&r = make(x);
  AWAIT(one());
  decltype(r) moved = std::move(r);
  const decltype(x) *at = &x;
  decltype(x) pair[2] = {x, x + 1};
  const decltype(x) *ends[2] = {&pair[0], &pair[1]};
  AWAIT(one());
  static_assert(is_same_v<decltype(moved), T &&>);
  static_assert(is_same_v<decltype(at), const T *>);
  static_assert(is_same_v<decltype(pair), T[2]>);
  static_assert(is_same_v<decltype(ends), const T *[2]>);
  return int(moved + *at + pair[1] + *ends[0]);
}

template <class Range> AWAITC_ASYNC awaitc::Coro<int> loops(Range &range) {
  int sum = 0;
  for (decltype(auto) each : range) {
    AWAIT(one());
    static_assert(is_same_v<decltype(each), int &>);
    each *= 2;
    sum += each;
  }
  for (auto &&each : range) {
    AWAIT(one());
    static_assert(is_same_v<decltype(each), int &>);
    sum += each;
  }
  return sum;
}

// T is std::string & for an lvalue argument, std::string for an rvalue.
template <class T>
AWAITC_ASYNC awaitc::Coro<std::string> forward_and_keep(T &&arg) {
  T held = std::forward<T>(arg);
  AWAIT(one());
  static_assert(is_same_v<decltype(held), T>);
  held += "!";
  return held;
}

template <class T> AWAITC_ASYNC awaitc::Coro<T> give_back(T value) {
  T held = std::move(value);
  AWAIT(one());
  return held; // moved
}

template <class T> AWAITC_ASYNC awaitc::Coro<T> give_back_decltype(T &ref) {
  decltype(auto) held = ref;
  AWAIT(one());
  return held; // copied: a reference is not moved from
}

// Explicitly instantiated with a reference type.
template <class T> AWAITC_ASYNC awaitc::Coro<void> bump(T target) {
  AWAIT(one());
  target += 1;
}

int main() {
  std::vector<int> vec{1, 2, 3};
  std::printf("placeholders %d\n", awaitc::run(placeholders(4, vec)));
  std::printf("vec %d %d %d\n", vec[0], vec[1], vec[2]);
  Box box{7};
  std::printf("decltype(auto) %d\n", awaitc::run(decltype_auto(5, vec, box)));
  std::printf("vec %d %d, box %d\n", vec[0], vec[1], box.value);
  std::printf("by decltype %d\n", awaitc::run(named_by_decltype(6)));
  std::vector<int> range{1, 2};
  std::printf("loops %d\n", awaitc::run(loops(range)));
  std::printf("range %d %d\n", range[0], range[1]);

  std::string s = "lvalue";
  std::printf("%s\n", awaitc::run(forward_and_keep(s)).c_str());
  std::printf("s is now %s\n", s.c_str());
  std::printf("%s\n", awaitc::run(forward_and_keep(std::string("rvalue"))).c_str());
  std::unique_ptr<int> p = awaitc::run(give_back(std::make_unique<int>(9)));
  std::printf("given back %d\n", *p);
  std::string kept = "kept";
  std::string copy = awaitc::run(give_back_decltype(kept));
  std::printf("%s %s\n", copy.c_str(), kept.c_str());
  int counter = 1;
  awaitc::run(bump<int &>(counter));
  awaitc::run(bump<int>(counter));
  std::printf("counter %d\n", counter);
}

// CHECK: placeholders 80
// CHECK-NEXT: vec 10 20 30
// CHECK-NEXT: decltype(auto) 10
// CHECK-NEXT: vec 100 200, box 12
// CHECK-NEXT: by decltype 25
// CHECK-NEXT: loops 12
// CHECK-NEXT: range 2 4
// CHECK-NEXT: lvalue!
// CHECK-NEXT: s is now lvalue!
// CHECK-NEXT: rvalue!
// CHECK-NEXT: given back 9
// CHECK-NEXT: kept kept
// CHECK-NEXT: counter 2
