// Dependent types in a template whose spelling happens to contain words
// Clang uses for types it cannot name ("dependent", "type-parameter"): they
// are the user's names, printed as written.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

template <class T> struct dependent_box {
  using type = T;
};
template <class T> using type_parameter_of = typename dependent_box<T>::type;

template <class T>
AWAITC_ASYNC awaitc::Coro<int> unbox(typename dependent_box<T>::type x) {
  type_parameter_of<T> y = x;
  AWAIT(v(1));
  return x + y;
}

int main() { std::printf("%d\n", awaitc::run(unbox<int>(4))); }

// CHECK: 8
