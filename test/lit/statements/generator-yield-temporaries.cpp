// The temporaries of a YIELD's operand live to the end of its
// full-expression, which the generator's suspension splits: they are alive
// while the consumer's loop body runs and die when the generator resumes
// (or is destroyed), as with co_yield. Neighbours: temporaries in a
// function argument, a member call's object, both operands of +, an
// evaluated and a skipped arm of ?: and operand of &&, in a loop and a try
// block, an exception thrown after a temporary was made, a generator
// abandoned while its temporaries are alive, and a template whose
// temporary's type is dependent.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"

#include <stdexcept>

static int value_of(const Tracer &t, int v) {
  t.use();
  return v;
}

static int fail_at(int v) {
  if (v == 3)
    throw std::runtime_error("three");
  return v;
}

template <class T> struct Box {
  T v;
  explicit Box(T value) : v(value) { std::printf("ctor box\n"); }
  ~Box() { std::printf("dtor box\n"); }
  T get() const { return v; }
};

AWAITC_GENERATOR awaitc::Generator<int> values(int flag) {
  YIELD(Tracer("member").value() + 1);
  YIELD(value_of(Tracer("arg"), 2));
  YIELD(Tracer("left").value() + Tracer("right").value() + 3);
  YIELD(flag ? value_of(Tracer("then"), 4) : value_of(Tracer("else"), 5));
  YIELD(flag && value_of(Tracer("and"), 6) > 0);
  for (int i = 0; i < 2; ++i)
    YIELD(value_of(Tracer("loop", i), 10 + i));
  try {
    YIELD(value_of(Tracer("try"), 20));
    YIELD(value_of(Tracer("throw"), 1) + fail_at(3));
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
  YIELD(value_of(Tracer("last"), 30));
}

// Abandoned after the first value: the temporary of the arm that ran dies
// with the generator; the other arm's was never made.
AWAITC_GENERATOR awaitc::Generator<int> pick(int c) {
  for (int i = 0; i < 2; ++i)
    YIELD(c ? value_of(Tracer("pick", i), 1) : value_of(Tracer("other", i), 2));
}

template <class T> AWAITC_GENERATOR awaitc::Generator<T> boxed(T v) {
  YIELD(Box<T>(v).get() + 1);
}

int main() {
  for (int v : values(1))
    std::printf("got %d\n", v);
  std::printf("--\n");
  for (int v : values(0)) {
    std::printf("got %d\n", v);
    if (v == 10)
      break; // abandoned while Tracer("loop", 0) is alive
  }
  std::printf("--\n");
  for (int c = 0; c < 2; ++c)
    for (int v : pick(c)) {
      std::printf("got %d\n", v);
      break;
    }
  std::printf("--\n");
  for (long v : boxed(41L))
    std::printf("got %ld\n", v);
  print_live();
}

// CHECK: ctor member
// CHECK-NEXT: got 1
// CHECK-NEXT: dtor member
// CHECK-NEXT: ctor arg
// CHECK-NEXT: use arg
// CHECK-NEXT: got 2
// CHECK-NEXT: dtor arg
// CHECK-NEXT: ctor left
// CHECK-NEXT: ctor right
// CHECK-NEXT: got 3
// CHECK-NEXT: dtor right
// CHECK-NEXT: dtor left
// CHECK-NEXT: ctor then
// CHECK-NEXT: use then
// CHECK-NEXT: got 4
// CHECK-NEXT: dtor then
// CHECK-NEXT: ctor and
// CHECK-NEXT: use and
// CHECK-NEXT: got 1
// CHECK-NEXT: dtor and
// CHECK-NEXT: ctor loop0
// CHECK-NEXT: use loop0
// CHECK-NEXT: got 10
// CHECK-NEXT: dtor loop0
// CHECK-NEXT: ctor loop1
// CHECK-NEXT: use loop1
// CHECK-NEXT: got 11
// CHECK-NEXT: dtor loop1
// CHECK-NEXT: ctor try
// CHECK-NEXT: use try
// CHECK-NEXT: got 20
// CHECK-NEXT: dtor try
// CHECK-NEXT: ctor throw
// CHECK-NEXT: use throw
// CHECK-NEXT: dtor throw
// CHECK-NEXT: caught three
// CHECK-NEXT: ctor last
// CHECK-NEXT: use last
// CHECK-NEXT: got 30
// CHECK-NEXT: dtor last
// CHECK-NEXT: --
// CHECK-NEXT: ctor member
// CHECK-NEXT: got 1
// CHECK-NEXT: dtor member
// CHECK-NEXT: ctor arg
// CHECK-NEXT: use arg
// CHECK-NEXT: got 2
// CHECK-NEXT: dtor arg
// CHECK-NEXT: ctor left
// CHECK-NEXT: ctor right
// CHECK-NEXT: got 3
// CHECK-NEXT: dtor right
// CHECK-NEXT: dtor left
// CHECK-NEXT: ctor else
// CHECK-NEXT: use else
// CHECK-NEXT: got 5
// CHECK-NEXT: dtor else
// CHECK-NEXT: got 0
// CHECK-NEXT: ctor loop0
// CHECK-NEXT: use loop0
// CHECK-NEXT: got 10
// CHECK-NEXT: dtor loop0
// CHECK-NEXT: --
// CHECK-NEXT: ctor other0
// CHECK-NEXT: use other0
// CHECK-NEXT: got 2
// CHECK-NEXT: dtor other0
// CHECK-NEXT: ctor pick0
// CHECK-NEXT: use pick0
// CHECK-NEXT: got 1
// CHECK-NEXT: dtor pick0
// CHECK-NEXT: --
// CHECK-NEXT: ctor box
// CHECK-NEXT: got 42
// CHECK-NEXT: dtor box
// CHECK-NEXT: live 0
// CHECK-EMPTY:
