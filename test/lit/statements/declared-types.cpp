// A local that lives across a suspension keeps its declared type for
// decltype, though the frame holds it differently (a reference as a
// pointer, an object in a union): `auto &&r = AWAIT(make_string());` is
// still a std::string&&, a `const auto &` a const reference, and likewise
// T&, const T, arrays, auto*, structured bindings, in templates, in a
// declaration's type (`decltype(r) r2 = ...`) and in expressions
// (`decltype((r))`, `decltype(r.size())`); overloads chosen by the
// declared type do not change. Checked by static_assert (the build fails
// otherwise) and by the overload each call picks.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <type_traits>
#include <utility>

AWAITC_ASYNC awaitc::Coro<std::string> make_string() {
  AWAIT(awaitc::sleep(0));
  return "s";
}

struct Pair {
  int first;
  const long second;
};

static void kind(std::string &&) { std::printf("rvalue\n"); }
static void kind(const std::string &) { std::printf("const lvalue\n"); }
static void kind(std::string &) { std::printf("lvalue\n"); }

template <class T> static void forwarded(T &&value) {
  kind(std::forward<T>(value));
}

template <class T> AWAITC_ASYNC awaitc::Coro<void> generic(T value) {
  auto &&r = AWAIT(make_string());
  const T c = value;
  T &l = value;
  AWAIT(awaitc::sleep(0));
  static_assert(std::is_same_v<decltype(r), std::string &&>);
  static_assert(std::is_same_v<decltype(c), const T>);
  static_assert(std::is_same_v<decltype(l), T &>);
  forwarded(std::forward<decltype(r)>(r));
  std::printf("generic %d\n", static_cast<int>(c + l));
}

AWAITC_ASYNC awaitc::Coro<void> all() {
  auto &&r = AWAIT(make_string());
  const auto &c = AWAIT(make_string());
  std::string s = "x";
  std::string &l = s;
  const int k = 1;
  int array[3] = {1, 2, 3};
  int *p = &array[0];
  auto *ap = &array[1];
  auto [first, second] = Pair{1, 2};
  AWAIT(awaitc::sleep(0));
  static_assert(std::is_same_v<decltype(r), std::string &&>);
  static_assert(std::is_same_v<decltype((r)), std::string &>);
  static_assert(std::is_same_v<decltype(c), const std::string &>);
  static_assert(std::is_same_v<decltype(s), std::string>);
  static_assert(std::is_same_v<decltype(l), std::string &>);
  static_assert(std::is_same_v<decltype(k), const int>);
  static_assert(std::is_same_v<decltype(array), int[3]>);
  static_assert(std::is_same_v<decltype(p), int *>);
  static_assert(std::is_same_v<decltype(ap), int *>);
  static_assert(std::is_same_v<decltype(first), int>);
  static_assert(std::is_same_v<decltype(second), const long>);
  static_assert(std::is_same_v<decltype(r.size()), std::size_t>);
  decltype(r) moved = std::move(r);
  decltype(c) again = c;
  AWAIT(awaitc::sleep(0));
  forwarded(std::forward<decltype(r)>(r));
  forwarded(std::forward<decltype(c)>(c));
  forwarded(std::forward<decltype(l)>(l));
  forwarded(std::forward<decltype(moved)>(moved));
  std::printf("%s %s %s %d %d %d %d %ld\n", moved.c_str(), again.c_str(),
              l.c_str(), k, array[2], *p + *ap, first, second);
  AWAIT(generic(2));
}

int main() { awaitc::run(all()); }

// CHECK: rvalue
// CHECK-NEXT: const lvalue
// CHECK-NEXT: lvalue
// CHECK-NEXT: rvalue
// CHECK-NEXT: s s x 1 3 3 1 2
// CHECK-NEXT: rvalue
// CHECK-NEXT: generic 4
// CHECK-EMPTY:
