// Conditions that await and convert by a conversion function: an explicit
// operator bool (std::optional, a class of the user's), an implicit one,
// and a switch on a class that converts to an integer; in if, while, for,
// do, switch, as operands of !, &&, || and ?:, and in a template where the
// condition's type is dependent.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <optional>

struct Flag {
  bool on;
  explicit operator bool() const { return on; }
};

struct Implicit {
  int n;
  operator bool() const { return n != 0; }
};

struct Code {
  int n;
  operator int() const { return n; }
};

AWAITC_ASYNC awaitc::AsyncGenerator<int> count(int n) {
  for (int i = 1; i <= n; ++i) {
    AWAIT(awaitc::sleep(0));
    YIELD(i);
  }
}

AWAITC_ASYNC awaitc::Coro<Flag> flag(bool on) {
  AWAIT(awaitc::sleep(0));
  return Flag{on};
}

AWAITC_ASYNC awaitc::Coro<Implicit> implicit(int n) {
  AWAIT(awaitc::sleep(0));
  return Implicit{n};
}

AWAITC_ASYNC awaitc::Coro<Code> code(int n) {
  AWAIT(awaitc::sleep(0));
  return Code{n};
}

AWAITC_ASYNC awaitc::Coro<void> loops() {
  auto g = count(2);
  for (std::optional<int> v; (v = AWAIT(g.next()));)
    std::printf("for %d\n", *v);
  auto h = count(2);
  std::optional<int> w;
  while ((w = AWAIT(h.next())))
    std::printf("while %d\n", *w);
  auto k = count(2);
  std::optional<int> x;
  int turns = 0;
  do
    ++turns;
  while ((x = AWAIT(k.next())));
  std::printf("do %d\n", turns);
  auto m = count(1);
  while (auto y = AWAIT(m.next()))
    std::printf("declared %d\n", *y);
}

AWAITC_ASYNC awaitc::Coro<void> branches(bool c) {
  if (AWAIT(flag(c)))
    std::printf("if flag\n");
  else
    std::printf("if not flag\n");
  if (!AWAIT(flag(c)))
    std::printf("not flag\n");
  if (c && AWAIT(flag(true)))
    std::printf("&& flag\n");
  if (c || AWAIT(flag(true)))
    std::printf("|| flag\n");
  if (AWAIT(flag(c)) && AWAIT(implicit(2)))
    std::printf("both\n");
  std::printf("?: %s\n", AWAIT(flag(c)) ? "yes" : "no");
  std::printf("?: %d\n", AWAIT(implicit(c ? 3 : 0)) ? 1 : 2);
  if (AWAIT(implicit(0)))
    std::printf("implicit\n");
  bool b = AWAIT(implicit(4));
  std::printf("bool %d\n", b);
  switch (AWAIT(code(c ? 1 : 2))) {
  case 1:
    std::printf("switch one\n");
    break;
  default:
    std::printf("switch other\n");
  }
}

template <typename T>
AWAITC_ASYNC awaitc::Coro<T> sum(awaitc::AsyncGenerator<T> g) {
  T total = 0;
  for (std::optional<T> v; (v = AWAIT(g.next()));)
    total += *v;
  while (AWAIT(g.next()))
    ++total;
  return total;
}

int main() {
  awaitc::run(loops());
  awaitc::run(branches(true));
  awaitc::run(branches(false));
  std::printf("template %d\n", awaitc::run(sum(count(4))));
}
// CHECK: for 1
// CHECK-NEXT: for 2
// CHECK-NEXT: while 1
// CHECK-NEXT: while 2
// CHECK-NEXT: do 3
// CHECK-NEXT: declared 1
// CHECK-NEXT: if flag
// CHECK-NEXT: && flag
// CHECK-NEXT: || flag
// CHECK-NEXT: both
// CHECK-NEXT: ?: yes
// CHECK-NEXT: ?: 1
// CHECK-NEXT: bool 1
// CHECK-NEXT: switch one
// CHECK-NEXT: if not flag
// CHECK-NEXT: not flag
// CHECK-NEXT: || flag
// CHECK-NEXT: ?: no
// CHECK-NEXT: ?: 2
// CHECK-NEXT: bool 1
// CHECK-NEXT: switch other
// CHECK-NEXT: template 10
