// --emit=cxx20 rewrites markers and returns in place, and names annotated
// lambdas: nothing else changes and no line moves (one #line before the
// first names the user's file); the output builds as C++20 and prints what
// the state-machine build prints.
// The oracle is clang++: g++ 12 miscompiles temporaries in the arms of a
// `?:` in a co_await operand (it constructs and destroys both arms; see
// docs/language.md).
// RUN: %awaitc --emit=cxx20 %s -o %t.cpp -- -std=c++17 -I%awaitc-include
// RUN: FileCheck %s --input-file %t.cpp --match-full-lines --strict-whitespace
// RUN: FileCheck %s --input-file %t.cpp --match-full-lines --check-prefix=TOP
// RUN: %python -c "import sys; n = lambda p: open(p).read().count(chr(10)); sys.exit(n(sys.argv[1]) + 1 != n(sys.argv[2]))" %s %t.cpp
// RUN: %cxx20-clang %t.cpp %runtime-lib -o %t.clang && %t.clang | FileCheck %s --check-prefix=OUT
// RUN: %run-both --out %t.both %s | FileCheck %s --check-prefix=OUT
#include <awaitc/awaitc.h>
#include <cstdio>

// TOP:#line 1 "{{.*}}rewrite.cpp"
// TOP-NEXT:// --emit=cxx20 rewrites markers and returns in place, and names annotated

// CHECK:AWAITC_ASYNC awaitc::Coro<int> one() {
// CHECK-NEXT:  (co_await (awaitc::sleep(0)));
// CHECK-NEXT:  co_return 1;
// CHECK-NEXT:}
AWAITC_ASYNC awaitc::Coro<int> one() {
  AWAIT(awaitc::sleep(0));
  return 1;
}

// Nested markers, the long spelling, a marker split over lines.
// CHECK:AWAITC_ASYNC awaitc::Coro<int> add(int a) {
// CHECK-NEXT:  int b = (co_await (one())) + (co_await ((co_await (one())) > 0 ? one() : one()));
// CHECK-NEXT:  int c = (co_await  (
// CHECK-NEXT:      one()));
// CHECK-NEXT:  co_return a + b + c;
// CHECK-NEXT:}
AWAITC_ASYNC awaitc::Coro<int> add(int a) {
  int b = AWAIT(one()) + AWAITC_AWAIT(AWAIT(one()) > 0 ? one() : one());
  int c = AWAIT (
      one());
  return a + b + c;
}

// A return of a lambda or local class stays; the lambda is not a coroutine.
// CHECK:AWAITC_ASYNC awaitc::Coro<void> nested() {
// CHECK-NEXT:  auto f = [](int x) { return x + 1; };
// CHECK-NEXT:  struct Local {
// CHECK-NEXT:    int get() const { return 2; }
// CHECK-NEXT:  };
// CHECK-NEXT:  std::printf("nested %d %d\n", f(1), Local().get());
// CHECK-NEXT:  if (f(0) > 5)
// CHECK-NEXT:    co_return;
// CHECK-NEXT:}
AWAITC_ASYNC awaitc::Coro<void> nested() {
  auto f = [](int x) { return x + 1; };
  struct Local {
    int get() const { return 2; }
  };
  std::printf("nested %d %d\n", f(1), Local().get());
  if (f(0) > 5)
    return;
}

// A body without markers or returns still becomes a coroutine.
// CHECK:AWAITC_ASYNC awaitc::Coro<void> plain() { std::printf("plain\n"); co_return; }
AWAITC_ASYNC awaitc::Coro<void> plain() { std::printf("plain\n"); }

// A value-returning body that may flow off its end throws there.
// CHECK:AWAITC_ASYNC awaitc::Coro<int> maybe(bool b) {
// CHECK-NEXT:  if (b)
// CHECK-NEXT:    co_return 3;
// CHECK-NEXT:co_return ::awaitc::detail::FlowedOffEnd{}; }
AWAITC_ASYNC awaitc::Coro<int> maybe(bool b) {
  if (b)
    return 3;
}

// A body that only throws still needs a co_ keyword.
// CHECK:AWAITC_ASYNC awaitc::Coro<int> only_throws() { throw 1; co_return ::awaitc::detail::FlowedOffEnd{}; }
AWAITC_ASYNC awaitc::Coro<int> only_throws() { throw 1; }

// Generators: co_yield; an xvalue operand is moved from, as the state
// machine does.
// CHECK:AWAITC_GENERATOR awaitc::Generator<int> count(int n) {
// CHECK-NEXT:  for (int i = 0; i < n; ++i)
// CHECK-NEXT:    (co_yield (i));
// CHECK-NEXT:  int last = n;
// CHECK-NEXT:  (co_yield ::awaitc::detail::yielded_xvalue(std::move(last)));
// CHECK-NEXT:}
AWAITC_GENERATOR awaitc::Generator<int> count(int n) {
  for (int i = 0; i < n; ++i)
    YIELD(i);
  int last = n;
  YIELD(std::move(last));
}

// Templates and members.
// CHECK:template <class T> AWAITC_ASYNC awaitc::Coro<T> twice(T x) {
// CHECK-NEXT:  co_return 2 * x + (co_await (one())) - 1;
// CHECK-NEXT:}
template <class T> AWAITC_ASYNC awaitc::Coro<T> twice(T x) {
  return 2 * x + AWAIT(one()) - 1;
}
struct Counter {
  int n = 0;
  // CHECK:  AWAITC_ASYNC awaitc::Coro<int> bump() { n += (co_await (one())); co_return n; }
  AWAITC_ASYNC awaitc::Coro<int> bump() { n += AWAIT(one()); return n; }
};

// An annotated lambda is handed to named_lambda with the name the state
// machine gives its frame, for print_stack(): the variable it initializes,
// or `lambda`.
// CHECK:auto later = ::awaitc::detail::named_lambda<"later">([](int x) AWAITC_ASYNC -> awaitc::Coro<int> {
// CHECK-NEXT:  co_return x + (co_await (one()));
// CHECK-NEXT:});
auto later = [](int x) AWAITC_ASYNC -> awaitc::Coro<int> {
  return x + AWAIT(one());
};

AWAITC_ASYNC awaitc::Coro<int> main_coro() {
  // CHECK:  int now = (co_await (::awaitc::detail::named_lambda<"lambda">([](int x) AWAITC_ASYNC -> awaitc::Coro<int> { co_return x; })(2)));
  int now = AWAIT([](int x) AWAITC_ASYNC -> awaitc::Coro<int> { return x; }(2));
  std::printf("later %d %d\n", AWAIT(later(1)), now);
  std::printf("add %d\n", AWAIT(add(1)));
  AWAIT(nested());
  AWAIT(plain());
  std::printf("maybe %d\n", AWAIT(maybe(true)));
  try {
    AWAIT(maybe(false));
  } catch (const std::logic_error &e) {
    std::printf("maybe: %s\n", e.what());
  }
  for (int v : count(3))
    std::printf("count %d\n", v);
  std::printf("twice %d %ld\n", AWAIT(twice(21)), AWAIT(twice(5L)));
  Counter c;
  AWAIT(c.bump());
  std::printf("bump %d\n", AWAIT(c.bump()));
  return 0;
}
int main() { return awaitc::run(main_coro()); }
// OUT: later 2 2
// OUT-NEXT: add 4
// OUT-NEXT: nested 2 2
// OUT-NEXT: plain
// OUT-NEXT: maybe 3
// OUT-NEXT: maybe: awaitc: an async function that returns a value ended without a return statement
// OUT-NEXT: count 0
// OUT-NEXT: count 1
// OUT-NEXT: count 2
// OUT-NEXT: count 3
// OUT-NEXT: twice 42 10
// OUT-NEXT: bump 2
