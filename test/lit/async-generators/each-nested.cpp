// AWAIT_EACH in every kind of neighbourhood: nested loops (the inner loop's
// generator made from the outer's value), inside try/catch, switch, while
// and for loops, in a function template and a member function, with an
// AWAIT in the generator expression, and over a generator variable (an
// lvalue: the loop does not own it, so a break leaves it suspended and a
// later loop or next() goes on where it stopped, as `async for` over an
// existing async generator does).
// RUN: %run-both %{strict-warnings} --out %t --expect-python %S/Inputs/each-nested.py %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

AWAITC_ASYNC awaitc::AsyncGenerator<int> range(int from, int to) {
  for (int i = from; i < to; ++i) {
    AWAIT(awaitc::sleep(0));
    YIELD(i);
  }
}

template <class T>
AWAITC_ASYNC awaitc::AsyncGenerator<T> each_of(std::vector<T> values) {
  for (const T &v : values) {
    AWAIT(awaitc::sleep(0));
    YIELD(v);
  }
}

template <class T>
AWAITC_ASYNC awaitc::Coro<T> sum(awaitc::AsyncGenerator<T> gen) {
  T total{};
  for (const T &v : AWAIT_EACH(gen))
    total += v;
  return total;
}

template <class T> AWAITC_ASYNC awaitc::Coro<T> sum_of(std::vector<T> values) {
  T total{};
  for (auto v : AWAIT_EACH(each_of(values)))
    total = total + v;
  return total;
}

AWAITC_ASYNC awaitc::Coro<int> limit() {
  AWAIT(awaitc::sleep(0));
  return 3;
}

struct Counter {
  int base;
  AWAITC_ASYNC awaitc::Coro<int> count_from(int to) {
    int n = 0;
    for (int v : AWAIT_EACH(range(base, to)))
      n += v > base ? 1 : 0;
    return n;
  }
};

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("-- nested\n");
  for (int i : AWAIT_EACH(range(1, 3)))
    for (int j : AWAIT_EACH(range(0, i)))
      std::printf("%d.%d\n", i, j);
  std::printf("-- AWAIT in the generator expression\n");
  for (int v : AWAIT_EACH(range(0, AWAIT(limit()))))
    std::printf("v %d\n", v);
  std::printf("-- try/catch\n");
  try {
    for (int v : AWAIT_EACH(range(0, 5))) {
      std::printf("try %d\n", v);
      if (v == 1)
        throw std::runtime_error("one");
    }
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
  }
  std::printf("-- switch and while\n");
  int round = 0;
  while (round < 3) {
    switch (round) {
    case 1:
      for (int v : AWAIT_EACH(range(10, 12)))
        std::printf("case 1: %d\n", v);
      break;
    default:
      for (int v : AWAIT_EACH(range(20, 21))) {
        if (round == 2)
          continue;
        std::printf("default: %d\n", v);
      }
    }
    ++round;
  }
  std::printf("-- templates\n");
  std::printf("sum %d\n", AWAIT(sum(each_of<int>({1, 2, 3}))));
  std::printf("sum %s\n",
              AWAIT(sum_of<std::string>({"a", "b", "c"})).c_str());
  std::printf("-- member\n");
  Counter counter{2};
  std::printf("counted %d\n", AWAIT(counter.count_from(6)));
  std::printf("-- lvalue generator\n");
  awaitc::AsyncGenerator<int> g = range(0, 5);
  for (int v : AWAIT_EACH(g)) {
    std::printf("first loop %d\n", v);
    if (v == 1)
      break;
  }
  std::optional<int> next = AWAIT(g.next());
  std::printf("next() %d\n", next.value_or(-1));
  for (int v : AWAIT_EACH(g))
    std::printf("second loop %d\n", v);
  std::printf("done %d\n", g.done() ? 1 : 0);
}

int main() { awaitc::run(main_coro()); }

// CHECK: -- nested
// CHECK-NEXT: 1.0
// CHECK-NEXT: 2.0
// CHECK-NEXT: 2.1
// CHECK-NEXT: -- AWAIT in the generator expression
// CHECK-NEXT: v 0
// CHECK-NEXT: v 1
// CHECK-NEXT: v 2
// CHECK-NEXT: -- try/catch
// CHECK-NEXT: try 0
// CHECK-NEXT: try 1
// CHECK-NEXT: caught one
// CHECK-NEXT: -- switch and while
// CHECK-NEXT: default: 20
// CHECK-NEXT: case 1: 10
// CHECK-NEXT: case 1: 11
// CHECK-NEXT: -- templates
// CHECK-NEXT: sum 6
// CHECK-NEXT: sum abc
// CHECK-NEXT: -- member
// CHECK-NEXT: counted 3
// CHECK-NEXT: -- lvalue generator
// CHECK-NEXT: first loop 0
// CHECK-NEXT: first loop 1
// CHECK-NEXT: next() 2
// CHECK-NEXT: second loop 3
// CHECK-NEXT: second loop 4
// CHECK-NEXT: done 1
