// --emit=dot draws each state machine: a node per suspension state, labelled
// with the user's line and marker, and an edge for every way the body can
// go from its start or from resuming at a state to the next suspension, to
// its end, or out by an exception, through every kind of statement.
// RUN: %awaitc --emit=dot %s -o %t.dot -- -std=c++17 -I%awaitc-include
// RUN: FileCheck %s --input-file %t.dot
// RUN: %if graphviz %{ dot -Tsvg %t.dot -o %t.svg %}
#include <awaitc/awaitc.h>

awaitc::Coro<int> one() noexcept;
int plain(int v) noexcept { return v; }
void may_throw(int v);

// CHECK: digraph "transitions.cpp" {

// CHECK-LABEL: label="sequence()";
// CHECK:      f1_s1 [shape=box, label="state 1\nline [[@LINE+4]]: AWAIT(one())"];
// CHECK-NEXT: f1_s2 [shape=box, label="state 2\nline [[@LINE+5]]: AWAIT(one())"];
AWAITC_ASYNC awaitc::Coro<int> sequence() {
  int a = plain(1);
  a += AWAIT(one());
  a += plain(2);
  a += AWAIT(one());
  return a;
}
// A noexcept call cannot throw: only resumptions can.
// CHECK:      f1_start -> f1_s1 [label="suspend"];
// CHECK-NEXT: f1_s1 -> f1_s2 [label="resume, suspend"];
// CHECK-NEXT: f1_s1 -> f1_threw [style=dashed, label="resume, throw"];
// CHECK-NEXT: f1_s2 -> f1_done [label="resume, returns"];
// CHECK-NEXT: f1_s2 -> f1_threw [style=dashed, label="resume, throw"];
// CHECK-NEXT: }

// CHECK-LABEL: label="loops()";
AWAITC_ASYNC awaitc::Coro<int> loops(int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i)
    sum += AWAIT(one());
  while (sum < 10) {
    if (sum == 5)
      continue;
    sum += AWAIT(one());
  }
  do {
    sum -= AWAIT(one());
  } while (sum > 0);
  return sum;
}
// The for loop may run no iteration, the while loop too; the do loop runs
// at least one.
// CHECK:      f2_start -> f2_s1 [label="suspend"];
// CHECK-NEXT: f2_start -> f2_s2 [label="suspend"];
// CHECK-NEXT: f2_start -> f2_s3 [label="suspend"];
// CHECK-NEXT: f2_s1 -> f2_s1 [label="resume, suspend"];
// CHECK-NEXT: f2_s1 -> f2_s2 [label="resume, suspend"];
// CHECK-NEXT: f2_s1 -> f2_s3 [label="resume, suspend"];
// CHECK-NEXT: f2_s1 -> f2_threw
// CHECK-NEXT: f2_s2 -> f2_s2 [label="resume, suspend"];
// CHECK-NEXT: f2_s2 -> f2_s3 [label="resume, suspend"];
// CHECK-NEXT: f2_s2 -> f2_threw
// CHECK-NEXT: f2_s3 -> f2_s3 [label="resume, suspend"];
// CHECK-NEXT: f2_s3 -> f2_done [label="resume, returns"];
// CHECK-NEXT: f2_s3 -> f2_threw
// CHECK-NEXT: }

// CHECK-LABEL: label="branches()";
AWAITC_ASYNC awaitc::Coro<int> branches(int c) {
  int v = 0;
  if (c > 0)
    v = AWAIT(one());
  else
    v = AWAIT(one());
  bool both = c > 1 && AWAIT(one()) > 0;
  int pick = c > 2 ? AWAIT(one()) : plain(3);
  switch (c) {
  case 0:
    v += AWAIT(one());
    [[fallthrough]];
  case 1:
    v += AWAIT(one());
    break;
  default:
    break;
  }
  return v + both + pick;
}
// Either branch of the if, never both; && and ?: may skip their AWAIT;
// a case falls through to the next, a break leaves the switch.
// CHECK:      f3_start -> f3_s1 [label="suspend"];
// CHECK-NEXT: f3_start -> f3_s2 [label="suspend"];
// CHECK-NEXT: f3_s1 -> f3_s3 [label="resume, suspend"];
// CHECK-NEXT: f3_s1 -> f3_s4 [label="resume, suspend"];
// CHECK-NEXT: f3_s1 -> f3_s5 [label="resume, suspend"];
// CHECK-NEXT: f3_s1 -> f3_s6 [label="resume, suspend"];
// CHECK-NEXT: f3_s1 -> f3_done [label="resume, returns"];
// CHECK-NEXT: f3_s1 -> f3_threw
// CHECK-NEXT: f3_s2 -> f3_s3 [label="resume, suspend"];
// CHECK:      f3_s5 -> f3_s6 [label="resume, suspend"];
// CHECK-NEXT: f3_s5 -> f3_threw
// CHECK-NEXT: f3_s6 -> f3_done [label="resume, returns"];
// CHECK-NEXT: f3_s6 -> f3_threw
// CHECK-NEXT: }

// CHECK-LABEL: label="exceptions()";
AWAITC_ASYNC awaitc::Coro<int> exceptions(int c) {
  int v = 0;
  try {
    v = AWAIT(one());
    if (c)
      throw 1;
  } catch (const int &e) {
    v = AWAIT(one()) + e;
  }
  try {
    may_throw(v);
  } catch (...) {
    v = AWAIT(one());
  }
  return v;
}
// A failed AWAIT in a try goes to its handler; the catch (...) lets nothing
// out; what a handler that does not catch everything misses leaves.
// CHECK:      f4_start -> f4_s1 [label="suspend"];
// CHECK-NEXT: f4_s1 -> f4_s2 [label="resume, suspend"];
// CHECK-NEXT: f4_s1 -> f4_s3 [label="resume, suspend"];
// CHECK-NEXT: f4_s1 -> f4_done [label="resume, returns"];
// CHECK-NEXT: f4_s1 -> f4_threw
// CHECK-NEXT: f4_s2 -> f4_s3 [label="resume, suspend"];
// CHECK-NEXT: f4_s2 -> f4_done [label="resume, returns"];
// CHECK-NEXT: f4_s2 -> f4_threw
// CHECK-NEXT: f4_s3 -> f4_done [label="resume, returns"];
// CHECK-NEXT: f4_s3 -> f4_threw
// CHECK-NEXT: }

// CHECK-LABEL: label="jumps()";
AWAITC_ASYNC awaitc::Coro<int> jumps(int c) {
  int v = 0;
again:
  v += AWAIT(one());
  if (v < c)
    goto again;
  if (v > 100)
    return -1;
  v += AWAIT(one());
  return v;
}
// CHECK:      f5_start -> f5_s1 [label="suspend"];
// CHECK-NEXT: f5_s1 -> f5_s1 [label="resume, suspend"];
// CHECK-NEXT: f5_s1 -> f5_s2 [label="resume, suspend"];
// CHECK-NEXT: f5_s1 -> f5_done [label="resume, returns"];
// CHECK-NEXT: f5_s1 -> f5_threw
// CHECK-NEXT: f5_s2 -> f5_done [label="resume, returns"];
// CHECK-NEXT: f5_s2 -> f5_threw
// CHECK-NEXT: }

// A generator's consumer only asks for the next value: resuming after a
// YIELD cannot throw.
// CHECK-LABEL: label="numbers()";
AWAITC_GENERATOR awaitc::Generator<int> numbers(int n) {
  for (int i = 0; i < n; ++i)
    YIELD(i);
  YIELD(-1);
}
// CHECK:      f6_done [shape=doublecircle, label="ends"];
// CHECK-NOT:  f6_threw
// CHECK:      f6_start -> f6_s1 [label="suspend"];
// CHECK-NEXT: f6_start -> f6_s2 [label="suspend"];
// CHECK-NEXT: f6_s1 -> f6_s1 [label="resume, suspend"];
// CHECK-NEXT: f6_s1 -> f6_s2 [label="resume, suspend"];
// CHECK-NEXT: f6_s2 -> f6_done [label="resume, ends"];
// CHECK-NEXT: }

// AWAIT_EACH suspends at the head of every iteration, and the loop ends
// when the generator does.
// CHECK-LABEL: label="ticks()";
AWAITC_ASYNC awaitc::AsyncGenerator<int> ticks(int n) {
  for (int i = 0; i < n; ++i) {
    AWAIT(one());
    YIELD(i);
  }
}
// CHECK-LABEL: label="drain()";
// CHECK: f8_s1 [shape=box, label="state 1\nline [[@LINE+3]]: AWAIT_EACH(ticks(3))"];
AWAITC_ASYNC awaitc::Coro<int> drain() {
  int sum = 0;
  for (int v : AWAIT_EACH(ticks(3)))
    sum += v;
  return sum;
}
// CHECK:      f8_start -> f8_s1 [label="suspend"];
// CHECK-NEXT: f8_start -> f8_threw
// CHECK-NEXT: f8_s1 -> f8_s1 [label="resume, suspend"];
// CHECK-NEXT: f8_s1 -> f8_done [label="resume, returns"];
// CHECK-NEXT: f8_s1 -> f8_threw
// CHECK-NEXT: }

// A throw never goes on: after the loop, the only way out is the throw.
// CHECK-LABEL: label="gives_up()";
AWAITC_ASYNC awaitc::Coro<int> gives_up(int tries) {
  for (int i = 0; i < tries; ++i) {
    try {
      return AWAIT(one());
    } catch (...) {
    }
  }
  throw 1;
}
// CHECK:      f9_start -> f9_s1 [label="suspend"];
// CHECK-NEXT: f9_start -> f9_threw [style=dashed, label="throw"];
// CHECK-NEXT: f9_s1 -> f9_s1 [label="resume, suspend"];
// CHECK-NEXT: f9_s1 -> f9_done [label="resume, returns"];
// CHECK-NEXT: f9_s1 -> f9_threw [style=dashed, label="resume, throw"];
// CHECK-NEXT: }
