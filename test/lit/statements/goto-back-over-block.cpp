// A backward goto to a label before a block that has ended, which held a
// suspension and a local with a destructor: the local is already gone (its
// guard too), so nothing is destroyed at the goto; locals still in scope
// between the label and the goto are. Also from inside a try block, in a
// loop body and in a function template.
// RUN: %run-both --out %t %s | FileCheck %s --match-full-lines
#include <awaitc/awaitc.h>

#include <cstdio>

struct Tracer {
  explicit Tracer(int id) : id(id) { std::printf("Tracer(%d)\n", id); }
  ~Tracer() { std::printf("~Tracer(%d)\n", id); }
  int id;
};

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

AWAITC_ASYNC awaitc::Coro<void> finished_block() {
  int n = 0;
again:
  {
    Tracer t(n);
    AWAIT(v(0));
    std::printf("in block %d\n", t.id);
  }
  if (++n < 2)
    goto again;
  std::printf("done %d\n", n);
}
// CHECK: Tracer(0)
// CHECK-NEXT: in block 0
// CHECK-NEXT: ~Tracer(0)
// CHECK-NEXT: Tracer(1)
// CHECK-NEXT: in block 1
// CHECK-NEXT: ~Tracer(1)
// CHECK-NEXT: done 2

AWAITC_ASYNC awaitc::Coro<void> block_and_live_local() {
  int n = 0;
again:
  {
    Tracer t(10 + n);
    AWAIT(v(0));
  }
  Tracer live(20 + n);
  {
    Tracer inner(30 + n);
    AWAIT(v(0));
  }
  AWAIT(v(0));
  if (++n < 2) {
    std::printf("goto with live=%d\n", live.id);
    goto again;
  }
  std::printf("done\n");
}
// CHECK-NEXT: Tracer(10)
// CHECK-NEXT: ~Tracer(10)
// CHECK-NEXT: Tracer(20)
// CHECK-NEXT: Tracer(30)
// CHECK-NEXT: ~Tracer(30)
// CHECK-NEXT: goto with live=20
// CHECK-NEXT: ~Tracer(20)
// CHECK-NEXT: Tracer(11)
// CHECK-NEXT: ~Tracer(11)
// CHECK-NEXT: Tracer(21)
// CHECK-NEXT: Tracer(31)
// CHECK-NEXT: ~Tracer(31)
// CHECK-NEXT: done
// CHECK-NEXT: ~Tracer(21)

AWAITC_ASYNC awaitc::Coro<void> in_loop_and_try() {
  for (int i = 0; i < 2; ++i) {
    int n = 0;
  retry:
    try {
      {
        Tracer t(100 * i + n);
        AWAIT(v(0));
      }
      if (++n < 2)
        goto retry;
    } catch (...) {
    }
    std::printf("iteration %d n=%d\n", i, n);
  }
}
// CHECK-NEXT: Tracer(0)
// CHECK-NEXT: ~Tracer(0)
// CHECK-NEXT: Tracer(1)
// CHECK-NEXT: ~Tracer(1)
// CHECK-NEXT: iteration 0 n=2
// CHECK-NEXT: Tracer(100)
// CHECK-NEXT: ~Tracer(100)
// CHECK-NEXT: Tracer(101)
// CHECK-NEXT: ~Tracer(101)
// CHECK-NEXT: iteration 1 n=2

template <class T> AWAITC_ASYNC awaitc::Coro<T> in_template(T limit) {
  T n = 0;
again:
  {
    Tracer t(static_cast<int>(n) + 40);
    n += AWAIT(v(1));
  }
  if (n < limit)
    goto again;
  return n;
}
// CHECK-NEXT: Tracer(40)
// CHECK-NEXT: ~Tracer(40)
// CHECK-NEXT: Tracer(41)
// CHECK-NEXT: ~Tracer(41)
// CHECK-NEXT: template 2

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(finished_block());
  AWAIT(block_and_live_local());
  AWAIT(in_loop_and_try());
  std::printf("template %d\n", AWAIT(in_template(2)));
}

int main() { awaitc::run(main_coro()); }
