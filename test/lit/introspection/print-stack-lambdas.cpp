// print_stack() names an annotated lambda's frame after the variable the
// lambda initializes, and `lambda` when it initializes none (passed as an
// argument, called where it is written), before the task starts and while
// it waits; the C++20 rendering (--emit=cxx20) names it the same, though
// the compiler knows its call operator by no name. Around that: a lambda
// in a generic lambda (one closure type per instantiation), in a member
// function, in a function template, in an annotated lambda and in an
// annotated function; a lambda in parentheses; a `mutable` one; and a
// function template that awaits the named lambda it is given, whose own
// frame keeps its own name.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <iostream>
#include <vector>

awaitc::Event gate;

auto fetch = [](int n) AWAITC_ASYNC -> awaitc::Coro<int> {
  AWAIT(gate.wait());
  return n;
};

auto twice = [](auto v) {
  auto doubled = [](int n) AWAITC_ASYNC -> awaitc::Coro<int> {
    AWAIT(gate.wait());
    return n * 2;
  };
  return awaitc::create_task(doubled(static_cast<int>(v)));
};

auto wrapped = ([](int n) AWAITC_ASYNC -> awaitc::Coro<int> {
  AWAIT(gate.wait());
  return n;
});

auto counted = [](int n) AWAITC_ASYNC mutable -> awaitc::Coro<int> {
  AWAIT(gate.wait());
  return n;
};

template <class F>
AWAITC_ASYNC awaitc::Coro<int> apply(const F &f, int n) {
  int v = AWAIT(f(n));
  return v;
}

class Server {
public:
  awaitc::Task<int> start() {
    auto handler = []() AWAITC_ASYNC -> awaitc::Coro<int> {
      AWAIT(gate.wait());
      return 5;
    };
    return awaitc::create_task(handler());
  }
  awaitc::Task<int> start_unnamed() {
    return awaitc::create_task([]() AWAITC_ASYNC -> awaitc::Coro<int> {
      AWAIT(gate.wait());
      return 6;
    }());
  }
};

template <class T> awaitc::Task<T> spawn(T value) {
  auto job = [](T v) AWAITC_ASYNC -> awaitc::Coro<T> {
    AWAIT(gate.wait());
    return v;
  };
  return awaitc::create_task(job(value));
}

auto outer = []() AWAITC_ASYNC -> awaitc::Coro<int> {
  auto inner = []() AWAITC_ASYNC -> awaitc::Coro<int> {
    AWAIT(gate.wait());
    return 1;
  };
  int v = AWAIT(inner());
  return v;
};

AWAITC_ASYNC awaitc::Coro<int> host() {
  auto step = []() AWAITC_ASYNC -> awaitc::Coro<int> {
    AWAIT(gate.wait());
    return 2;
  };
  int v = AWAIT(step());
  v += AWAIT([]() AWAITC_ASYNC -> awaitc::Coro<int> { return 3; }());
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  Server server;
  std::vector<awaitc::Task<int>> tasks;
  tasks.push_back(awaitc::create_task(fetch(1)));
  tasks.push_back(twice(2));
  tasks.push_back(twice(2.5));
  tasks.push_back(awaitc::create_task(wrapped(3)));
  tasks.push_back(awaitc::create_task(counted(4)));
  tasks.push_back(awaitc::create_task(apply(fetch, 7)));
  tasks.push_back(awaitc::create_task(apply(
      [](int n) AWAITC_ASYNC -> awaitc::Coro<int> {
        AWAIT(gate.wait());
        return n;
      },
      10)));
  tasks.push_back(server.start());
  tasks.push_back(server.start_unnamed());
  tasks.push_back(spawn(8));
  tasks.push_back(awaitc::create_task(outer()));
  tasks.push_back(awaitc::create_task(host()));
  tasks.push_back(awaitc::create_task(
      [](int n) AWAITC_ASYNC -> awaitc::Coro<int> {
        AWAIT(gate.wait());
        return n;
      }(9)));
  std::cout << "before they start\n";
  for (const awaitc::Task<int> &t : tasks)
    t.print_stack(std::cout);
  AWAIT(awaitc::sleep(0));
  std::cout << "waiting\n";
  for (const awaitc::Task<int> &t : tasks)
    t.print_stack(std::cout);
  gate.set();
  int total = 0;
  for (awaitc::Task<int> &t : tasks)
    total += AWAIT(t);
  std::cout << "total " << total << "\n";
}

int main() { awaitc::run(main_coro()); }

// CHECK: before they start
// CHECK-NEXT: Stack for task 'Task-2' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:19 in fetch
// CHECK-NEXT: Stack for task 'Task-3' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:25 in doubled
// CHECK-NEXT: Stack for task 'Task-4' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:25 in doubled
// CHECK-NEXT: Stack for task 'Task-5' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:32 in wrapped
// CHECK-NEXT: Stack for task 'Task-6' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:37 in counted
// CHECK-NEXT: Stack for task 'Task-7' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:43 in apply
// CHECK-NEXT: Stack for task 'Task-8' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:43 in apply
// CHECK-NEXT: Stack for task 'Task-9' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:51 in handler
// CHECK-NEXT: Stack for task 'Task-10' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:58 in lambda
// CHECK-NEXT: Stack for task 'Task-11' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:66 in job
// CHECK-NEXT: Stack for task 'Task-12' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:73 in outer
// CHECK-NEXT: Stack for task 'Task-13' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:82 in host
// CHECK-NEXT: Stack for task 'Task-14' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:113 in lambda
// CHECK-NEXT: waiting
// CHECK-NEXT: Stack for task 'Task-2' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:20 in fetch
// CHECK-NEXT: Stack for task 'Task-3' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:26 in doubled
// CHECK-NEXT: Stack for task 'Task-4' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:26 in doubled
// CHECK-NEXT: Stack for task 'Task-5' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:33 in wrapped
// CHECK-NEXT: Stack for task 'Task-6' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:38 in counted
// CHECK-NEXT: Stack for task 'Task-7' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:44 in apply
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:20 in fetch
// CHECK-NEXT: Stack for task 'Task-8' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:44 in apply
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:103 in lambda
// CHECK-NEXT: Stack for task 'Task-9' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:52 in handler
// CHECK-NEXT: Stack for task 'Task-10' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:59 in lambda
// CHECK-NEXT: Stack for task 'Task-11' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:67 in job
// CHECK-NEXT: Stack for task 'Task-12' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:78 in outer
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:75 in inner
// CHECK-NEXT: Stack for task 'Task-13' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:87 in host
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:84 in step
// CHECK-NEXT: Stack for task 'Task-14' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-lambdas.cpp:114 in lambda
// CHECK-NEXT: total 67
