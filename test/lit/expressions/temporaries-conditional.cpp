// Temporaries in an operand of ?:, && or || that C++ evaluates only
// sometimes: those of the operand that ran live to the end of the whole
// full-expression, across every suspension in it, and die there; those of
// an operand that did not run are never destroyed. Both when the operand
// itself suspends (an lvalue into its own temporary stays valid:
// `(a ? (std::vector<int>{AWAIT(one()), 7})[1] : a) + 0`) and when a later
// part of the full-expression does (`(c ? 4 : Tracer(7).value()),
// AWAIT(one())`), taken and not taken, nested, in a loop, in a try block
// with an exception thrown after the temporary was made, and in a return.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

#include <stdexcept>
#include <string>
#include <vector>

AWAITC_ASYNC awaitc::Coro<int> one() {
  AWAIT(awaitc::sleep(0));
  return 1;
}

AWAITC_ASYNC awaitc::Coro<int> fail() {
  AWAIT(awaitc::sleep(0));
  throw std::runtime_error("failed");
}

static int value_of(const Tracer &t, int v) {
  t.use();
  return v;
}

AWAITC_ASYNC awaitc::Coro<int> returns(int c) {
  return (c ? value_of(Tracer("rthen"), AWAIT(one())) : 0) +
         value_of(Tracer("rafter"), AWAIT(one()));
}

AWAITC_ASYNC awaitc::Coro<void> arms(int c) {
  std::printf("== c=%d\n", c);
  int v = ((c ? 4 : value_of(Tracer("skipped"), 7)), AWAIT(one()));
  std::printf("v=%d\n", v);
  int w = (c ? (std::vector<int>{AWAIT(one()), 7})[1] : c) + 0;
  std::printf("w=%d\n", w);
  const std::string &r = c ? std::to_string(AWAIT(one())) : std::string("0");
  int x = (c ? value_of(Tracer("then"), AWAIT(one())) : 0) +
          value_of(Tracer("after"), AWAIT(one()));
  std::printf("x=%d\n", x);
  int y = (c ? 0 : value_of(Tracer("else"), AWAIT(one()))) +
          value_of(Tracer("after"), AWAIT(one()));
  std::printf("y=%d\n", y);
  bool b = (c && value_of(Tracer("and"), 1) == AWAIT(one())) ||
           value_of(Tracer("or"), AWAIT(one())) > 0;
  std::printf("b=%d\n", b);
  int n = c ? (c > 1 ? value_of(Tracer("inner"), AWAIT(one()))
                     : value_of(Tracer("other"), 2))
            : value_of(Tracer("outer"), AWAIT(one()));
  std::printf("n=%d\n", n);
  for (int i = 0; i < 2; ++i) {
    int l = ((i == c ? value_of(Tracer("loop", i), 1) : 0), AWAIT(one()));
    std::printf("l=%d\n", l);
  }
  try {
    int t = (c ? value_of(Tracer("try"), 1) : 0) + AWAIT(fail());
    std::printf("t=%d\n", t);
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
  std::printf("ret=%d\n", AWAIT(returns(c)));
  std::printf("r=%s\n", r.c_str());
}

AWAITC_ASYNC awaitc::Coro<void> all() {
  AWAIT(arms(1));
  AWAIT(arms(0));
}

int main() {
  awaitc::run(all());
  print_live();
}

// CHECK: == c=1
// CHECK-NEXT: v=1
// CHECK-NEXT: w=7
// CHECK-NEXT: ctor then
// CHECK-NEXT: use then
// CHECK-NEXT: ctor after
// CHECK-NEXT: use after
// CHECK-NEXT: dtor after
// CHECK-NEXT: dtor then
// CHECK-NEXT: x=2
// CHECK-NEXT: ctor after
// CHECK-NEXT: use after
// CHECK-NEXT: dtor after
// CHECK-NEXT: y=1
// CHECK-NEXT: ctor and
// CHECK-NEXT: use and
// CHECK-NEXT: dtor and
// CHECK-NEXT: b=1
// CHECK-NEXT: ctor other
// CHECK-NEXT: use other
// CHECK-NEXT: dtor other
// CHECK-NEXT: n=2
// CHECK-NEXT: l=1
// CHECK-NEXT: ctor loop1
// CHECK-NEXT: use loop1
// CHECK-NEXT: dtor loop1
// CHECK-NEXT: l=1
// CHECK-NEXT: ctor try
// CHECK-NEXT: use try
// CHECK-NEXT: dtor try
// CHECK-NEXT: caught failed
// CHECK-NEXT: ctor rthen
// CHECK-NEXT: use rthen
// CHECK-NEXT: ctor rafter
// CHECK-NEXT: use rafter
// CHECK-NEXT: dtor rafter
// CHECK-NEXT: dtor rthen
// CHECK-NEXT: ret=2
// CHECK-NEXT: r=1
// CHECK-NEXT: == c=0
// CHECK-NEXT: ctor skipped
// CHECK-NEXT: use skipped
// CHECK-NEXT: dtor skipped
// CHECK-NEXT: v=1
// CHECK-NEXT: w=0
// CHECK-NEXT: ctor after
// CHECK-NEXT: use after
// CHECK-NEXT: dtor after
// CHECK-NEXT: x=1
// CHECK-NEXT: ctor else
// CHECK-NEXT: use else
// CHECK-NEXT: ctor after
// CHECK-NEXT: use after
// CHECK-NEXT: dtor after
// CHECK-NEXT: dtor else
// CHECK-NEXT: y=2
// CHECK-NEXT: ctor or
// CHECK-NEXT: use or
// CHECK-NEXT: dtor or
// CHECK-NEXT: b=1
// CHECK-NEXT: ctor outer
// CHECK-NEXT: use outer
// CHECK-NEXT: dtor outer
// CHECK-NEXT: n=1
// CHECK-NEXT: ctor loop0
// CHECK-NEXT: use loop0
// CHECK-NEXT: dtor loop0
// CHECK-NEXT: l=1
// CHECK-NEXT: l=1
// CHECK-NEXT: caught failed
// CHECK-NEXT: ctor rafter
// CHECK-NEXT: use rafter
// CHECK-NEXT: dtor rafter
// CHECK-NEXT: ret=1
// CHECK-NEXT: r=0
// CHECK-NEXT: live 0
// CHECK-EMPTY:
