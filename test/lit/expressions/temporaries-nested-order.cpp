// Temporaries nested in one another's initializers within a full-expression
// that suspends: the innermost is constructed first, so C++ destroys it last.
// The order holds on every way the full-expression ends: normally, by an
// exception from the awaited coroutine (the temporaries' guards unwind), and
// by cancellation while suspended (the frame destroys them). Positions: an
// argument of the awaited call, a member call on a temporary, three levels,
// and siblings sequenced by a comma and by &&.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>

struct T {
  explicit T(int x) : v(x) { std::printf("+T%d\n", v); }
  T(const T &) = delete;
  T &operator=(const T &) = delete;
  ~T() { std::printf("-T%d\n", v); }
  int val() const { return v; }
  int v;
};
struct Err {
  int v;
};

AWAITC_ASYNC awaitc::Coro<int> leaf(int v) {
  AWAIT(awaitc::sleep(0));
  if (v % 2 == 1)
    throw Err{v};
  return v;
}

AWAITC_ASYNC awaitc::Coro<int> nested(int base) {
  std::printf("nested %d\n", base);
  return AWAIT(leaf(T(T{base}.val() + 10).val()));
}

AWAITC_ASYNC awaitc::Coro<int> three_levels(int base) {
  std::printf("three_levels %d\n", base);
  return (T(T(T{base}.val() + 10).val() + 10).val(), AWAIT(leaf(base)));
}

AWAITC_ASYNC awaitc::Coro<int> siblings(int base) {
  std::printf("siblings %d\n", base);
  int r = (T{base}.val(), T(T{base + 10}.val() + 10).val() > 0 &&
                              AWAIT(leaf(T{base + 40}.val())) >= 0);
  return r;
}

AWAITC_ASYNC awaitc::Coro<void> run_all() {
  for (int base : {2, 1}) {
    try {
      std::printf("= %d\n", AWAIT(nested(base)));
    } catch (const Err &e) {
      std::printf("caught %d\n", e.v);
    }
    try {
      std::printf("= %d\n", AWAIT(three_levels(base)));
    } catch (const Err &e) {
      std::printf("caught %d\n", e.v);
    }
    try {
      std::printf("= %d\n", AWAIT(siblings(base)));
    } catch (const Err &e) {
      std::printf("caught %d\n", e.v);
    }
  }
  // Cancelled while suspended: the frame destroys the temporaries.
  awaitc::Task<int> t = awaitc::create_task(three_levels(4));
  AWAIT(awaitc::sleep(0));
  t.cancel();
  try {
    AWAIT(t);
  } catch (const awaitc::CancelledError &) {
    std::printf("cancelled\n");
  }
}

int main() { awaitc::run(run_all()); }

// CHECK:      nested 2
// CHECK-NEXT: +T2
// CHECK-NEXT: +T12
// CHECK-NEXT: -T12
// CHECK-NEXT: -T2
// CHECK-NEXT: = 12
// CHECK-NEXT: three_levels 2
// CHECK-NEXT: +T2
// CHECK-NEXT: +T12
// CHECK-NEXT: +T22
// CHECK-NEXT: -T22
// CHECK-NEXT: -T12
// CHECK-NEXT: -T2
// CHECK-NEXT: = 2
// CHECK-NEXT: siblings 2
// CHECK-NEXT: +T2
// CHECK-NEXT: +T12
// CHECK-NEXT: +T22
// CHECK-NEXT: +T42
// CHECK-NEXT: -T42
// CHECK-NEXT: -T22
// CHECK-NEXT: -T12
// CHECK-NEXT: -T2
// CHECK-NEXT: = 1
// CHECK-NEXT: nested 1
// CHECK-NEXT: +T1
// CHECK-NEXT: +T11
// CHECK-NEXT: -T11
// CHECK-NEXT: -T1
// CHECK-NEXT: caught 11
// CHECK-NEXT: three_levels 1
// CHECK-NEXT: +T1
// CHECK-NEXT: +T11
// CHECK-NEXT: +T21
// CHECK-NEXT: -T21
// CHECK-NEXT: -T11
// CHECK-NEXT: -T1
// CHECK-NEXT: caught 1
// CHECK-NEXT: siblings 1
// CHECK-NEXT: +T1
// CHECK-NEXT: +T11
// CHECK-NEXT: +T21
// CHECK-NEXT: +T41
// CHECK-NEXT: -T41
// CHECK-NEXT: -T21
// CHECK-NEXT: -T11
// CHECK-NEXT: -T1
// CHECK-NEXT: caught 41
// CHECK-NEXT: three_levels 4
// CHECK-NEXT: +T4
// CHECK-NEXT: +T14
// CHECK-NEXT: +T24
// CHECK-NEXT: -T24
// CHECK-NEXT: -T14
// CHECK-NEXT: -T4
// CHECK-NEXT: cancelled
