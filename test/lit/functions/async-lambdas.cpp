// Annotated lambdas (async lambdas and generator lambdas): at namespace
// scope, inside annotated functions, in ordinary functions, members and templates,
// capturing by copy, by reference and `this`, started as tasks whose
// closures are gone by the time they run. The scheduling order is checked
// against the same program in CPython's asyncio (Inputs/async-lambdas.py).
// RUN: %run-both %{strict-warnings} --no-cxx20 'annotated lambdas that capture: no C++20 equivalent' --out %t --expect-python %S/Inputs/async-lambdas.py %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <vector>

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

// At namespace scope.
auto ticker = [](const char *name, int n) AWAITC_ASYNC -> awaitc::Coro<void> {
  for (int i = 0; i < n; ++i) {
    std::printf("%s %d\n", name, i);
    AWAIT(awaitc::sleep(0));
  }
};

// The closure is a temporary that dies before the task runs: the frame has
// its own copy of `base`, and refers to `log`.
awaitc::Task<int> spawn_adder(int base, std::string &log) {
  return awaitc::create_task(
      [base, &log](int x) AWAITC_ASYNC -> awaitc::Coro<int> {
        log += "a";
        int y = AWAIT(later(x));
        log += "b";
        return base + y;
      }(5));
}

class Counter {
public:
  awaitc::Task<int> start(int k) {
    auto go = [this, k]() AWAITC_ASYNC -> awaitc::Coro<int> {
      AWAIT(awaitc::sleep(0));
      hits_ += k;
      std::printf("counter +%d = %d\n", k, hits_);
      return hits_;
    };
    return awaitc::create_task(go());
  }

private:
  int hits_ = 0;
};

// A lambda in a function template, and a generator lambda.
template <class T> auto make_twice() {
  return [](T value) AWAITC_ASYNC -> awaitc::Coro<T> {
    T first = static_cast<T>(AWAIT(later(static_cast<int>(value))));
    return first + value;
  };
}
auto countdown = [](int from) AWAITC_GENERATOR -> awaitc::Generator<int> {
  for (int i = from; i > 0; --i)
    YIELD(i);
};

// Inside an annotated function: tasks from a lambda that captures a loop
// variable by copy and a frame local by reference.
AWAITC_ASYNC awaitc::Coro<int> spawn_all(int n) {
  int total = 0;
  std::vector<awaitc::Task<int>> tasks;
  for (int i = 0; i < n; ++i)
    tasks.push_back(awaitc::create_task(
        [i, &total]() AWAITC_ASYNC -> awaitc::Coro<int> {
          int v = AWAIT(later(i * 10));
          total += v;
          std::printf("task %d -> %d\n", i, v);
          return v;
        }()));
  std::printf("spawned %d\n", n);
  int sum = 0;
  for (awaitc::Task<int> &task : tasks)
    sum += AWAIT(task);
  std::printf("total %d sum %d\n", total, sum);
  return sum;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::string log;
  awaitc::Task<int> adder = spawn_adder(100, log);
  awaitc::Task<void> a = awaitc::create_task(ticker("a", 3));
  awaitc::Task<void> b = awaitc::create_task(ticker("b", 2));
  Counter counter;
  awaitc::Task<int> c1 = counter.start(1);
  awaitc::Task<int> c2 = counter.start(2);
  std::printf("adder %d log %s\n", AWAIT(adder), log.c_str());
  AWAIT(a);
  AWAIT(b);
  std::printf("counters %d %d\n", AWAIT(c1), AWAIT(c2));
  int twice_int = AWAIT(make_twice<int>()(21));
  std::printf("twice %d %.1f\n", twice_int, AWAIT(make_twice<double>()(1.0)));
  for (int i : countdown(3))
    std::printf("countdown %d\n", i);
  AWAIT(spawn_all(3));
}

int main() { awaitc::run(main_coro()); }

// CHECK: a 0
// CHECK-NEXT: b 0
// CHECK-NEXT: a 1
// CHECK-NEXT: b 1
// CHECK-NEXT: counter +1 = 1
// CHECK-NEXT: counter +2 = 3
// CHECK-NEXT: adder 105 log ab
// CHECK-NEXT: a 2
// CHECK-NEXT: counters 1 3
// CHECK-NEXT: twice 42 2.0
// CHECK-NEXT: countdown 3
// CHECK-NEXT: countdown 2
// CHECK-NEXT: countdown 1
// CHECK-NEXT: spawned 3
// CHECK-NEXT: task 0 -> 0
// CHECK-NEXT: task 1 -> 10
// CHECK-NEXT: task 2 -> 20
// CHECK-NEXT: total 30 sum 30
