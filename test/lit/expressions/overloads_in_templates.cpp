// Calls of overloaded functions whose arguments await, in function
// templates (where the call is resolved only at instantiation) and not:
// members (push_back, insert, append, a user's overloaded member, one
// reached through a pointer, a dependent object, an implicit member in a
// class template), free functions, operators and constructors.
// RUN: %run-both --out %t %s | FileCheck %s --match-full-lines
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <vector>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}
struct Sink {
  void put(int x) { std::printf("put(int %d)\n", x); }
  void put(double x) { std::printf("put(double %.1f)\n", x); }
  void put(const char *s) { std::printf("put(%s)\n", s); }
};
static void over(int x) { std::printf("over(int %d)\n", x); }
static void over(long x) { std::printf("over(long %ld)\n", x); }
struct Num {
  int n;
  explicit Num(int n) : n(n) {}
  Num(int a, int b) : n(a + b) {}
};
static Num operator+(Num a, int b) { return Num(a.n * 10 + b); }
static Num operator+(Num a, Num b) { return Num(a.n + b.n); }

template <class T> AWAITC_ASYNC awaitc::Coro<std::vector<T>> collect(int n) {
  std::vector<T> out;
  for (int i = 0; i < n; ++i)
    out.push_back(AWAIT(v(i)));
  out.insert(out.begin(), AWAIT(v(9)));
  std::vector<T> *p = &out;
  p->push_back(AWAIT(v(7)));
  std::string s;
  s.append(AWAIT(v(2)), 'x').append(AWAIT(v(1)), 'y');
  std::printf("%s\n", s.c_str());
  return out;
}
// CHECK: xxy
// CHECK-NEXT: collected 9 0 1 2 7

template <class S, class T> AWAITC_ASYNC awaitc::Coro<void> overloads(S sink, T x) {
  sink.put(AWAIT(v(1)));
  sink.put(x + AWAIT(v(1)));
  over(AWAIT(v(2)));
  over(static_cast<long>(AWAIT(v(3))));
  Num a = Num(AWAIT(v(3))) + AWAIT(v(4));
  Num b = Num(AWAIT(v(1)), 2) + Num(AWAIT(v(3)));
  std::printf("sum %d %d\n", a.n, b.n);
}
// CHECK-NEXT: put(int 1)
// CHECK-NEXT: put(double 2.5)
// CHECK-NEXT: over(int 2)
// CHECK-NEXT: over(long 3)
// CHECK-NEXT: sum 34 6

template <class T> struct Bag {
  std::vector<T> items;
  void add(T x) { items.push_back(x); }
  void add(T x, T y) { items.push_back(x + y); }
  AWAITC_ASYNC awaitc::Coro<std::size_t> fill() {
    add(AWAIT(v(1)));
    add(AWAIT(v(2)), 3);
    items.push_back(AWAIT(v(4)));
    this->add(AWAIT(v(5)));
    return items.size();
  }
};
// CHECK-NEXT: bag 4: 1 5 4 5

AWAITC_ASYNC awaitc::Coro<void> not_template() {
  Sink sink;
  sink.put(AWAIT(v(8)));
  over(AWAIT(v(8)));
  std::vector<int> w;
  w.push_back(AWAIT(v(8)));
  std::printf("w %d\n", w[0]);
}
// CHECK-NEXT: put(int 8)
// CHECK-NEXT: over(int 8)
// CHECK-NEXT: w 8

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::vector<int> got = AWAIT(collect<int>(3));
  std::printf("collected");
  for (int x : got)
    std::printf(" %d", x);
  std::printf("\n");
  AWAIT(overloads(Sink(), 1.5));
  Bag<int> bag;
  std::size_t n = AWAIT(bag.fill());
  std::printf("bag %zu:", n);
  for (int x : bag.items)
    std::printf(" %d", x);
  std::printf("\n");
  AWAIT(not_template());
}

int main() { awaitc::run(main_coro()); }
