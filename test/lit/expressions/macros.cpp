// Markers and rewritten names inside macros that awaitc can edit correctly:
// the edited text is in a macro argument that the macro uses once, as
// tokens, or the macro's whole expansion is the expression (so the edit
// stays inside the invocation and the macro expands the edited text).
// RUN: %run-both --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>
#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

#define ADD100(b) b + 100
#define ID(x) x
#define PLUS +
#define TIMES(a) a *
#define CALL(f, x) f(x)
#define FIRST(a, b) a
#define TRACE(fmt, ...) std::printf(fmt "\n", ##__VA_ARGS__)

// A macro producing an operator and an operand around the marker.
AWAITC_ASYNC awaitc::Coro<int> operator_and_operand() {
  return ADD100(AWAIT(v(1)));
}

// The whole expression is one macro's expansion.
AWAITC_ASYNC awaitc::Coro<int> whole_expression() {
  return ID(AWAIT(v(2)) * 10 + AWAIT(v(3)));
}

// Macros producing only an operator, or an operand and an operator.
AWAITC_ASYNC awaitc::Coro<int> operator_only() {
  return 1 PLUS AWAIT(v(4)) PLUS TIMES(2) AWAIT(v(5));
}

// A macro inside the awaited expression, and one dropping an argument.
AWAITC_ASYNC awaitc::Coro<int> inside_marker() {
  return AWAIT(CALL(v, 6)) + FIRST(AWAIT(v(7)), 1000);
}

// Markers in the variadic arguments of a logging macro, and a hoisted
// local that is read through the frame inside a macro argument.
AWAITC_ASYNC awaitc::Coro<int> variadic(int &out) {
  int &ref = out;
  TRACE("trace %d %d", AWAIT(v(8)), AWAIT(v(9)));
  TRACE("no arguments");
  AWAIT(v(0));
  ref = ADD100(ref) + AWAIT(v(10));
  return ref;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("%d\n", AWAIT(operator_and_operand()));
  std::printf("%d\n", AWAIT(whole_expression()));
  std::printf("%d\n", AWAIT(operator_only()));
  std::printf("%d\n", AWAIT(inside_marker()));
  int out = 5;
  std::printf("%d\n", AWAIT(variadic(out)));
  std::printf("out %d\n", out);
}

int main() { awaitc::run(main_coro()); }

// CHECK: 101
// CHECK-NEXT: 23
// CHECK-NEXT: 15
// CHECK-NEXT: 13
// CHECK-NEXT: trace 8 9
// CHECK-NEXT: no arguments
// CHECK-NEXT: 115
// CHECK-NEXT: out 115
