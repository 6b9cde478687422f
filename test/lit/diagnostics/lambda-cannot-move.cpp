// A lambda whose closure lives across a suspension, or that copies a frame
// local, is moved into a factory before the frame class (docs/design.md,
// "Lambdas"). There the lambda cannot see what only exists inside the
// function body: each such use is an error at the use, with a note at the
// lambda, and nothing is written.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

#include <utility>

AWAITC_ASYNC awaitc::Coro<int> static_local() {
  static int calls = 0;
  auto count = [] { return ++calls; };
  // CHECK: lambda-cannot-move.cpp:[[@LINE-1]]:30: error: this lambda's closure lives across a suspension, so awaitc must move it out of the function body, where it could not use the static local 'calls'
  // CHECK: lambda-cannot-move.cpp:[[@LINE-2]]:16: note: the lambda is here
  AWAIT(awaitc::sleep(0));
  return count();
}

AWAITC_ASYNC awaitc::Coro<int> constexpr_local() {
  constexpr int limit = 3;
  auto get = [] { return limit; };
  // CHECK: lambda-cannot-move.cpp:[[@LINE-1]]:26: error: {{.*}}, where it could not use the constexpr local 'limit'
  AWAIT(awaitc::sleep(0));
  return get();
}

AWAITC_ASYNC awaitc::Coro<int> local_type() {
  struct Point {
    int x;
  };
  auto make = [] { return Point{1}.x; };
  // CHECK: lambda-cannot-move.cpp:[[@LINE-1]]:27: error: {{.*}}, where it could not use the local type 'Point'
  AWAIT(awaitc::sleep(0));
  return make();
}

AWAITC_ASYNC awaitc::Coro<int> local_enumerator() {
  enum { Red = 4 };
  auto red = [] { return int(Red); };
  // CHECK: lambda-cannot-move.cpp:[[@LINE-1]]:30: error: {{.*}}, where it could not use the local enumerator 'Red'
  AWAIT(awaitc::sleep(0));
  return red();
}

AWAITC_ASYNC awaitc::Coro<int> structured_binding() {
  auto [a, b] = std::pair<int, int>(1, 2);
  auto sum = [&] { return a + b; };
  // CHECK: lambda-cannot-move.cpp:[[@LINE-1]]:27: error: {{.*}}, where it could not use the structured binding 'a'
  AWAIT(awaitc::sleep(0));
  return sum();
}

AWAITC_ASYNC awaitc::Coro<int> decltype_of_local() {
  int n = 3;
  auto copy = [n] {
    decltype(n) m = n;
    // CHECK: lambda-cannot-move.cpp:[[@LINE-1]]:14: error: {{.*}}, where it could not name 'n' in decltype
    return m;
  };
  AWAIT(awaitc::sleep(0));
  return copy();
}

// Not kept across the suspension, but it copies a frame local.
AWAITC_ASYNC awaitc::Coro<int> copies_frame_local() {
  int n = 3;
  AWAIT(awaitc::sleep(0));
  static int offset = 1;
  return [n] { return n + offset; }();
  // CHECK: lambda-cannot-move.cpp:[[@LINE-1]]:27: error: this lambda copies a local that lives across a suspension, or names one in its captures, so awaitc must move it out of the function body, where it could not use the static local 'offset'
  // CHECK: lambda-cannot-move.cpp:[[@LINE-2]]:10: note: the lambda is here
}

// A closure temporary kept across the suspension of its full-expression.
AWAITC_ASYNC awaitc::Coro<int> kept_temporary() {
  static int bias = 1;
  return [c = 1] { return c + bias; }() << (AWAIT(awaitc::sleep(0)), 2);
  // CHECK: lambda-cannot-move.cpp:[[@LINE-1]]:31: error: this lambda's closure lives across a suspension, so awaitc must move it out of the function body, where it could not use the static local 'bias'
}

struct Widget {
  int size = 1;
  AWAITC_ASYNC awaitc::Coro<int> copy_of_object() {
    auto snapshot = [*this] { return size; };
    // CHECK: lambda-cannot-move.cpp:[[@LINE-1]]:22: error: {{.*}}, where it could not capture '*this'
    AWAIT(awaitc::sleep(0));
    return snapshot();
  }
};
// CHECK: 9 errors generated.
