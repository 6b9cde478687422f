// The shape of what both back ends make of an async generator and an
// AWAIT_EACH loop. State machine: the frame derives from
// AsyncGeneratorFrame<T>; the loop keeps the generator and the awaited
// optional in the frame, and breaks when it is empty. --emit=cxx20: the
// loop becomes a for over co_await next() on the same lines, the loop
// variable declared from the optional.
// RUN: %awaitc %s -- -std=c++17 -I%awaitc-include | FileCheck --check-prefix=SM --match-full-lines %s
// RUN: %awaitc --emit=cxx20 %s -- -std=c++17 -I%awaitc-include | FileCheck --check-prefix=CXX20 --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::AsyncGenerator<int> count(int n) {
  for (int i = 0; i < n; ++i) {
    AWAIT(awaitc::sleep(0));
    YIELD(i);
  }
}
// SM: class count_frame final : public awaitc::detail::AsyncGeneratorFrame<int> {
// SM: this->awaitc_yield_at(2, yielded);
// SM: return awaitc::AsyncGenerator<int>(std::make_unique<count_frame>(n));

AWAITC_ASYNC awaitc::Coro<int> sum(int n) {
  int total = 0;
  for (const auto &v :
       AWAIT_EACH(count(n)))
    total += v;
  return total;
}
// SM: union { awaitc::AsyncGenerator<int> generator; }; // async generator of the AWAIT_EACH loop
// SM: union { awaitc::detail::async_next_awaiter_t<awaitc::AsyncGenerator<int>> await_1; }; // awaiter of the AWAIT_EACH on line 26
// SM: union { awaitc::detail::async_next_result_t<awaitc::AsyncGenerator<int>> next; }; // value of the AWAIT_EACH loop
// SM: ::new (awaitc::detail::storage_of(generator)) awaitc::AsyncGenerator<int>(
// SM-NEXT: #line 26 "{{.*}}codegen.cpp"
// SM-NEXT: count(n)); generator_guard.arm();
// SM: if (this->awaitc_suspend_at(1, await_1)) return;
// SM: ::new (awaitc::detail::storage_of(next)) {{.*}}(await_1.await_resume()); next_guard.arm(); await_1_guard.destroy(); if (!next) break;

// CXX20: AWAITC_ASYNC awaitc::AsyncGenerator<int> count(int n) {
// CXX20-NEXT:   for (int i = 0; i < n; ++i) {
// CXX20-NEXT:     (co_await (awaitc::sleep(0)));
// CXX20-NEXT:     (co_yield (i));
// CXX20: AWAITC_ASYNC awaitc::Coro<int> sum(int n) {
// CXX20-NEXT:   int total = 0;
// CXX20-NEXT:   for (auto &&awaitc_each_generator_1 =
// CXX20-NEXT:        count(n); auto awaitc_each_next_1 = co_await awaitc_each_generator_1.next();) if (const auto &v = *awaitc_each_next_1; false) {} else
// CXX20-NEXT:     total += v;
// CXX20-NEXT:   co_return total;
