// A YIELD whose operand the generator cannot take is an error in the source
// as written, at the YIELD, for Clang (and clangd) before any transform,
// and for awaitc, which writes nothing; so is a YIELD in a function that is
// no generator. What converts is accepted as C++ would accept it.
// RUN: %clang-syntax -Xclang -verify -Xclang -verify-ignore-unexpected=note %s
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

#include <string>

struct Base {};
struct Derived : Base {};
struct Explicit {
  explicit Explicit(int) {}
};

// Accepted: conversions a copy-initialization makes.
AWAITC_GENERATOR awaitc::Generator<long> widen(int i) { YIELD(i); }
AWAITC_GENERATOR awaitc::Generator<std::string> text() { YIELD("literal"); }
AWAITC_GENERATOR awaitc::Generator<const Base &> base(const Derived &d) {
  YIELD(d);
  YIELD(Derived{});
}
AWAITC_GENERATOR awaitc::Generator<int &> ref(int &x) { YIELD(x); }
AWAITC_ASYNC awaitc::AsyncGenerator<double> async_widen(int i) { YIELD(i); }
template <class T> AWAITC_GENERATOR awaitc::Generator<T> echo(T v) { YIELD(v); }
template awaitc::Generator<int> echo(int);

AWAITC_GENERATOR awaitc::Generator<int> not_a_number() {
  YIELD(std::string("no")); // expected-error {{'Generator' is unavailable: awaitc: the operand of YIELD cannot initialize the generator's value type}}
}
// CHECK: yield-operand-type.cpp:[[@LINE-2]]:3: error: 'Generator' is unavailable: awaitc: the operand of YIELD cannot initialize the generator's value type

AWAITC_GENERATOR awaitc::Generator<Explicit> explicit_only() {
  YIELD(1); // expected-error {{'Generator' is unavailable: awaitc: the operand of YIELD}}
}
// CHECK: yield-operand-type.cpp:[[@LINE-2]]:3: error: 'Generator' is unavailable

AWAITC_GENERATOR awaitc::Generator<int &> prvalue_to_reference() {
  YIELD(3); // expected-error {{'Generator' is unavailable: awaitc: the operand of YIELD}}
}
// CHECK: yield-operand-type.cpp:[[@LINE-2]]:3: error: 'Generator' is unavailable

AWAITC_GENERATOR awaitc::Generator<Derived> slice(const Base &b) {
  YIELD(b); // expected-error {{'Generator' is unavailable: awaitc: the operand of YIELD}}
}
// CHECK: yield-operand-type.cpp:[[@LINE-2]]:3: error: 'Generator' is unavailable

AWAITC_ASYNC awaitc::AsyncGenerator<int> async_pointer(int *p) {
  YIELD(p); // expected-error {{'AsyncGenerator' is unavailable: awaitc: the operand of YIELD cannot initialize the generator's value type}}
}
// CHECK: yield-operand-type.cpp:[[@LINE-2]]:3: error: 'AsyncGenerator' is unavailable

template <class T> AWAITC_GENERATOR awaitc::Generator<int> from(T v) {
  YIELD(v); // expected-error {{'Generator' is unavailable: awaitc: the operand of YIELD}}
}
template awaitc::Generator<int> from(const char *); // expected-note {{in instantiation}}
// CHECK: yield-operand-type.cpp:[[@LINE-3]]:3: error: 'Generator' is unavailable

AWAITC_ASYNC awaitc::Coro<int> in_coro(int i) {
  YIELD(i); // expected-error {{'Coro' is unavailable: awaitc: YIELD cannot be used in an async function}}
  return 0;
}
// CHECK: yield-operand-type.cpp:[[@LINE-3]]:3: error: 'Coro' is unavailable: awaitc: YIELD cannot be used in an async function

int plain(int i) {
  YIELD(i); // expected-error {{awaitc: YIELD can only be used in a generator}}
}
// CHECK: yield-operand-type.cpp:[[@LINE-2]]:3: error: {{.*}} is unavailable: awaitc: YIELD can only be used in a generator
// CHECK: 8 errors generated.
