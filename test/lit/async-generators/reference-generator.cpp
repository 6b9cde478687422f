// An async generator of references is an error (next() gives a
// std::optional<T>, which cannot hold a reference): yield pointers.
// RUN: rm -f %t.out
// RUN: %python %S/../diagnostics/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

static int value = 1;

AWAITC_ASYNC awaitc::AsyncGenerator<int &> refs() { YIELD(value); }
// CHECK: reference-generator.cpp:[[@LINE-1]]:44: error: async generators of references are not supported; yield values or pointers
