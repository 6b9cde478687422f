// AWAIT_EACH where it cannot be transformed: not the range of a range-for,
// in a generator, in a function that is not annotated, in a lambda inside
// an annotated body; an async generator of references. Each is an error at
// the marker, no output is written, and --emit=cxx20 says the same.
// RUN: rm -f %t.out
// RUN: %python %S/../diagnostics/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
// RUN: %python %S/../diagnostics/Inputs/expect_exit.py 1 %awaitc --emit=cxx20 %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::AsyncGenerator<int> numbers() { YIELD(1); }

AWAITC_ASYNC awaitc::Coro<void> not_a_range() {
  auto range = AWAIT_EACH(numbers());
  // CHECK: await-each-errors.cpp:[[@LINE-1]]:16: error: AWAIT_EACH can only be the range of a range-based for loop: for (decl : AWAIT_EACH(generator)) body
  for (int v : range)
    (void)v;
}

AWAITC_GENERATOR awaitc::Generator<int> in_generator() {
  for (int v : AWAIT_EACH(numbers()))
    // CHECK: await-each-errors.cpp:[[@LINE-1]]:16: error: AWAIT_EACH cannot be used in a generator (it returns awaitc::Generator); only async functions may await
    YIELD(v);
}

void not_annotated() {
  for (int v : AWAIT_EACH(numbers()))
    // CHECK: await-each-errors.cpp:[[@LINE-1]]:16: error: AWAIT_EACH can only be used in the body of a function annotated with AWAITC_ASYNC
    (void)v;
}

AWAITC_ASYNC awaitc::Coro<void> in_lambda() {
  auto f = []() {
    for (int v : AWAIT_EACH(numbers()))
      // CHECK: await-each-errors.cpp:[[@LINE-1]]:18: error: AWAIT_EACH cannot appear inside a lambda within an annotated function; only the annotated function's own body may suspend
      (void)v;
  };
  f();
  AWAIT(awaitc::sleep(0));
}

// CHECK: 4 errors generated.
