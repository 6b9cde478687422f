// An annotated operator is a coroutine like any function: its frame class
// gets an identifier for a name (operator_call_frame, operator_plus_frame),
// and print_stack() names the frame as C++ names the function, in both back
// ends. Around operator(): operator[], operator< (whose name holds a `<`),
// a binary operator as a member and as a free function, a const operator() of a class template, and an
// overloaded operator() (two frames, two classes).
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
// RUN: %awaitc %s -- -std=c++17 -I%awaitc-include | FileCheck --check-prefix=NAMES %s
#include <awaitc/awaitc.h>

#include <iostream>

awaitc::Event gate;

struct Adder {
  int base;
  AWAITC_ASYNC awaitc::Coro<int> operator()(int n) {
    AWAIT(gate.wait());
    return base + n;
  }
  AWAITC_ASYNC awaitc::Coro<int> operator()(int n, int m) {
    AWAIT(gate.wait());
    return base + n * m;
  }
  AWAITC_ASYNC awaitc::Coro<int> operator[](int i) {
    AWAIT(awaitc::sleep(0));
    return base * i;
  }
  AWAITC_ASYNC awaitc::Coro<int> operator+(int n) const {
    AWAIT(awaitc::sleep(0));
    return base + n + 100;
  }
  AWAITC_ASYNC awaitc::Coro<bool> operator<(int n) const {
    AWAIT(gate.wait());
    return base < n;
  }
};

struct Money {
  int cents;
};

AWAITC_ASYNC awaitc::Coro<Money> operator-(Money a, Money b) {
  AWAIT(awaitc::sleep(0));
  return Money{a.cents - b.cents};
}

template <class T> struct Scaler {
  T factor;
  AWAITC_ASYNC awaitc::Coro<T> operator()(T v) const {
    AWAIT(gate.wait());
    return v * factor;
  }
};

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  Adder add{10};
  Scaler<long> scale{3};
  awaitc::Task<int> one = awaitc::create_task(add(1));
  awaitc::Task<int> two = awaitc::create_task(add(2, 3));
  awaitc::Task<long> three = awaitc::create_task(scale(4));
  awaitc::Task<bool> four = awaitc::create_task(add < 11);
  AWAIT(awaitc::sleep(0));
  one.print_stack(std::cout);
  two.print_stack(std::cout);
  three.print_stack(std::cout);
  four.print_stack(std::cout);
  gate.set();
  std::cout << AWAIT(one) << " " << AWAIT(two) << " " << AWAIT(three) << " "
            << AWAIT(four) << "\n";
  std::cout << AWAIT(add[4]) << " " << AWAIT(add + 5) << "\n";
  Money left = AWAIT(Money{500} - Money{120});
  std::cout << left.cents << "\n";
}

int main() { awaitc::run(main_coro()); }

// CHECK: Stack for task 'Task-2' (most recent call last):
// CHECK-NEXT:   {{.*}}operators.cpp:18 in operator()
// CHECK-NEXT: Stack for task 'Task-3' (most recent call last):
// CHECK-NEXT:   {{.*}}operators.cpp:22 in operator()
// CHECK-NEXT: Stack for task 'Task-4' (most recent call last):
// CHECK-NEXT:   {{.*}}operators.cpp:51 in operator()
// CHECK-NEXT: Stack for task 'Task-5' (most recent call last):
// CHECK-NEXT:   {{.*}}operators.cpp:34 in operator<
// CHECK-NEXT: 11 16 12 1
// CHECK-NEXT: 40 115
// CHECK-NEXT: 380

// NAMES-DAG: class operator_call_frame final
// NAMES-DAG: class operator_call_frame_2 final
// NAMES-DAG: class operator_subscript_frame final
// NAMES-DAG: class operator_plus_frame final
// NAMES-DAG: class operator_less_frame final
// NAMES-DAG: class operator_minus_frame final
