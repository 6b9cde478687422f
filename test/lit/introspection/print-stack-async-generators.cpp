// print_stack() shows an async generator's frame where its body waits, as it
// shows a coroutine's: while the body awaits inside next(), the generator is
// a frame in the task's chain, between the consumer and what it awaits. The
// neighbours: a generator awaited through next(), one driven by AWAIT_EACH,
// a generator lambda (named after its variable), a generator that awaits a
// coroutine (three frames deep), and one suspended at its YIELD (out of the
// chain: the consumer runs on).
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <iostream>

awaitc::Event gate;

AWAITC_ASYNC awaitc::Coro<int> slow(int v) {
  AWAIT(gate.wait());
  return v;
}

AWAITC_ASYNC awaitc::AsyncGenerator<int> numbers(int n) {
  for (int i = 0; i < n; ++i) {
    AWAIT(gate.wait());
    YIELD(i);
  }
}

AWAITC_ASYNC awaitc::AsyncGenerator<int> deep() {
  int v = AWAIT(slow(7));
  YIELD(v);
}

auto letters = []() AWAITC_ASYNC -> awaitc::AsyncGenerator<char> {
  AWAIT(gate.wait());
  YIELD('a');
};

AWAITC_ASYNC awaitc::Coro<int> first(awaitc::AsyncGenerator<int> &g) {
  std::optional<int> v = AWAIT(g.next());
  return v ? *v : -1;
}

AWAITC_ASYNC awaitc::Coro<int> sum() {
  int total = 0;
  for (int v : AWAIT_EACH(numbers(2)))
    total += v;
  return total;
}

AWAITC_ASYNC awaitc::Coro<int> letter() {
  awaitc::AsyncGenerator<char> g = letters();
  std::optional<char> c = AWAIT(g.next());
  return c ? *c : 0;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::AsyncGenerator<int> g = numbers(3);
  awaitc::AsyncGenerator<int> d = deep();
  awaitc::Task<int> a = awaitc::create_task(first(g));
  awaitc::Task<int> b = awaitc::create_task(sum());
  awaitc::Task<int> c = awaitc::create_task(letter());
  awaitc::Task<int> e = awaitc::create_task(first(d));
  AWAIT(awaitc::sleep(0));
  std::cout << "waiting\n";
  a.print_stack(std::cout);
  b.print_stack(std::cout);
  c.print_stack(std::cout);
  e.print_stack(std::cout);
  gate.set();
  std::cout << AWAIT(a) << " " << AWAIT(b) << " " << AWAIT(c) << " "
            << AWAIT(e) << "\n";
  // g is suspended at its YIELD now: not in any chain.
  awaitc::Task<int> again = awaitc::create_task(first(g));
  again.print_stack(std::cout);
  std::cout << AWAIT(again) << "\n";
}

int main() { awaitc::run(main_coro()); }

// CHECK: waiting
// CHECK-NEXT: Stack for task 'Task-2' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-async-generators.cpp:38 in first
// CHECK-NEXT:   {{.*}}print-stack-async-generators.cpp:22 in numbers
// CHECK-NEXT: Stack for task 'Task-3' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-async-generators.cpp:44 in sum
// CHECK-NEXT:   {{.*}}print-stack-async-generators.cpp:22 in numbers
// CHECK-NEXT: Stack for task 'Task-4' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-async-generators.cpp:51 in letter
// CHECK-NEXT:   {{.*}}print-stack-async-generators.cpp:33 in letters
// CHECK-NEXT: Stack for task 'Task-5' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-async-generators.cpp:38 in first
// CHECK-NEXT:   {{.*}}print-stack-async-generators.cpp:28 in deep
// CHECK-NEXT:   {{.*}}print-stack-async-generators.cpp:16 in slow
// CHECK-NEXT: 0 1 97 7
// CHECK-NEXT: Stack for task 'Task-6' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack-async-generators.cpp:37 in first
// CHECK-NEXT: 1
