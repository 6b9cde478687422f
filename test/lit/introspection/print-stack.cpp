// Introspection: current_task(), all_tasks(), task names (asyncio's
// "Task-N" by default) and print_stack(), which lists the frames a task is
// suspended in, outermost first, each at the user's line of its suspension
// point. The C++20 rendering (--emit=cxx20) prints the same stacks: its
// promises record where each co_await is, and the output's #line names the
// user's file. (The line numbers in the comments below are the ones the
// stacks print.)
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <iostream>
#include <string>

awaitc::Event gate;

AWAITC_ASYNC awaitc::Coro<int> leaf(int n) {
  AWAIT(awaitc::sleep(0));
  AWAIT(gate.wait()); // line 19
  return n;
}

AWAITC_ASYNC awaitc::Coro<int> middle(int n) {
  int v = AWAIT(leaf(n)); // line 24
  return v + 1;
}

AWAITC_ASYNC awaitc::Coro<int> outer() {
  std::cout << "running " << awaitc::current_task().get_name() << "\n";
  int v = AWAIT(middle(1)); // line 30
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::cout << "main is " << awaitc::current_task().get_name() << "\n";
  awaitc::Task<int> a = awaitc::create_task(outer());
  awaitc::Task<int> b = awaitc::create_task(outer());
  b.set_name("worker");
  std::cout << "created " << a.get_name() << " " << b.get_name() << "\n";
  a.print_stack(std::cout); // not started: at the function
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0)); // line 42: the running task is where it resumed
  for (const awaitc::AnyTask &t : awaitc::all_tasks())
    std::cout << "pending " << t.get_name()
              << (t == awaitc::current_task() ? " (current)" : "") << "\n";
  a.print_stack(std::cout);
  awaitc::current_task().print_stack(std::cout);
  gate.set();
  std::cout << AWAIT(a) + AWAIT(b) << "\n";
  a.print_stack(std::cout);
}

int main() {
  awaitc::run(main_coro());
  try {
    (void)awaitc::current_task();
  } catch (const std::logic_error &) {
    std::cout << "no loop: logic_error\n";
  }
}

// CHECK: main is Task-1
// CHECK-NEXT: created Task-2 worker
// CHECK-NEXT: Stack for task 'Task-2' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack.cpp:28 in outer
// CHECK-NEXT: running Task-2
// CHECK-NEXT: running worker
// CHECK-NEXT: pending Task-1 (current)
// CHECK-NEXT: pending Task-2
// CHECK-NEXT: pending worker
// CHECK-NEXT: Stack for task 'Task-2' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack.cpp:30 in outer
// CHECK-NEXT:   {{.*}}print-stack.cpp:24 in middle
// CHECK-NEXT:   {{.*}}print-stack.cpp:19 in leaf
// CHECK-NEXT: Stack for task 'Task-1' (most recent call last):
// CHECK-NEXT:   {{.*}}print-stack.cpp:42 in main_coro
// CHECK-NEXT: 4
// CHECK-NEXT: No stack for task 'Task-2'
// CHECK-NEXT: no loop: logic_error
