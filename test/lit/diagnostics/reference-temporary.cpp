// A hoisted reference (one that lives across a suspension) whose
// initializer extends the life of a temporary in a way awaitc cannot
// reproduce in the frame: a temporary created by only one operand of ?:
// (C++ destroys it only if that operand ran), more than one temporary
// (an aggregate's reference member, an initializer_list's array), a
// suspension outside the temporary's own initializer, or a comma whose
// left operand would run after the suspension. Each is an error at the
// temporary, and no output is written. In a template, an initializer whose
// meaning depends on the template parameters is an error when an
// instantiation in this file binds the reference to a converted copy of it
// (the frame, written once for all instantiations, cannot tell which type
// to hold), and not when it binds it to the initializer itself, a
// temporary or not (functions/template-dependent-bindings.cpp), in a
// function template or a member of a class template; and when
// a local whose declared type names a template parameter is, in an
// instantiation, a reference bound to a temporary.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

#include <initializer_list>

struct Big {
  int x = 42;
  int arr[2] = {0, 1};
};
Big make() { return Big(); }
AWAITC_ASYNC awaitc::Coro<int> idx() { return 1; }
struct Pair {
  const Big &a;
  int b;
};
void note() {}

AWAITC_ASYNC awaitc::Coro<int> conditional(bool c, const Big &other) {
  // CHECK: reference-temporary.cpp:[[@LINE+1]]:47: error: awaitc cannot keep a temporary created by one operand of '?:' alive with the reference bound to it; store the temporary in a variable first
  const Big &r = c ? static_cast<const Big &>(make()) : other;
  AWAIT(awaitc::sleep(0));
  return r.x;
}

AWAITC_ASYNC awaitc::Coro<int> range_conditional(bool c, const Big &other) {
  int s = 0;
  // CHECK: reference-temporary.cpp:[[@LINE+1]]:45: error: awaitc cannot keep a temporary created by one operand of '?:' alive with the reference bound to it; store the temporary in a variable first
  for (int v : c ? static_cast<const Big &>(make()).arr : other.arr) {
    AWAIT(awaitc::sleep(0));
    s += v;
  }
  return s;
}

AWAITC_ASYNC awaitc::Coro<int> reference_member() {
  // CHECK: reference-temporary.cpp:[[@LINE+1]]:24: error: awaitc cannot keep more than one temporary alive with the reference bound to them; store the temporaries in variables first
  const Pair &p = Pair{make(), 1};
  AWAIT(awaitc::sleep(0));
  return p.a.x;
}

AWAITC_ASYNC awaitc::Coro<int> list() {
  // CHECK: reference-temporary.cpp:[[@LINE+1]]:41: error: awaitc cannot keep more than one temporary alive with the reference bound to them; store the temporaries in variables first
  const std::initializer_list<int> &l = {1, 2};
  AWAIT(awaitc::sleep(0));
  return int(l.size());
}

AWAITC_ASYNC awaitc::Coro<int> index_awaits() {
  // CHECK: reference-temporary.cpp:[[@LINE+1]]:18: error: awaitc cannot keep the temporary bound to this reference alive when another part of the reference's initializer suspends; store the temporary in a variable first
  const int &r = make().arr[AWAIT(idx())];
  AWAIT(awaitc::sleep(0));
  return r;
}

AWAITC_ASYNC awaitc::Coro<int> comma() {
  // CHECK: reference-temporary.cpp:[[@LINE+1]]:52: error: awaitc cannot tell how long the temporary bound to this reference lives; store the temporary in a variable first
  const Big &r = (note(), static_cast<const Big &>(Big{AWAIT(idx()), {}}));
  AWAIT(awaitc::sleep(0));
  return r.x;
}

template <class T> T made() { return T(); }
template <class T> const T &global() {
  static T value;
  return value;
}

template <class T> AWAITC_ASYNC awaitc::Coro<int> dependent_converted() {
  // CHECK: reference-temporary.cpp:[[@LINE+1]]:19: error: awaitc cannot tell how long the temporary bound to this reference lives
  const long &r = made<T>();
  AWAIT(awaitc::sleep(0));
  return int(r);
}

template <class T> AWAITC_ASYNC awaitc::Coro<int> dependent_member() {
  // CHECK: reference-temporary.cpp:[[@LINE+1]]:18: error: awaitc cannot tell how long the temporary bound to this reference lives
  const int &r = made<T>().x;
  AWAIT(awaitc::sleep(0));
  return r;
}

template <class T> AWAITC_ASYNC awaitc::Coro<int> dependent_lvalue() {
  const T &r = global<T>(); // no error
  AWAIT(awaitc::sleep(0));
  return r.x;
}

// A local of type T, a reference to a temporary when T = const long &.
template <class T> AWAITC_ASYNC awaitc::Coro<int> dependent_declared() {
  // CHECK: reference-temporary.cpp:[[@LINE+1]]:5: error: awaitc cannot keep 'r' across a suspension: in an instantiation it is a reference bound to a temporary; store the temporary in a variable first
  T r = 5;
  AWAIT(awaitc::sleep(0));
  return int(r);
}

// The same in a member of a class template.
template <class T> struct Holder {
  AWAITC_ASYNC awaitc::Coro<int> member_of_temporary() {
    // CHECK: reference-temporary.cpp:[[@LINE+1]]:20: error: awaitc cannot tell how long the temporary bound to this reference lives
    const int &r = made<T>().x;
    AWAIT(awaitc::sleep(0));
    return r;
  }
};

int use() {
  Holder<Big> holder;
  return awaitc::run(holder.member_of_temporary()) +
         awaitc::run(dependent_converted<int>()) +
         awaitc::run(dependent_member<Big>()) +
         awaitc::run(dependent_lvalue<Big>()) +
         awaitc::run(dependent_declared<const long &>());
}
// CHECK-NOT: error:
// CHECK: 10 errors generated.
