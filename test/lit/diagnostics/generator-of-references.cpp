// A generator of references: the yielded value is kept in a frame member,
// which cannot hold a reference yet.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>
AWAITC_GENERATOR awaitc::Generator<int &> elements(int *first, int *last) {
  // CHECK: generator-of-references.cpp:[[@LINE-1]]:43: error: generators of references are not supported yet; yield values or pointers
  for (; first != last; ++first)
    YIELD(*first);
}
// CHECK: 1 error generated.
