// An annotated function whose head and braces come from macros: awaitc
// replaces the whole definition with the thin function and its frame, but
// the definition's text is not contiguous text of the file.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

#define BEGIN_ASYNC(name) AWAITC_ASYNC awaitc::Coro<int> name() {
#define END_ASYNC }

BEGIN_ASYNC(answer)
// CHECK: function-from-macro.cpp:[[@LINE-1]]:13: error: awaitc cannot rewrite this function: its definition is not contiguous text in this file (is it produced by a macro?)
  return AWAIT(v(42));
END_ASYNC
// CHECK: 1 error generated.
