// AWAIT of something that is not awaitable (an int, a class without the
// awaiter members and without make_awaiter, a pointer to a Coro): one error
// at the user's AWAIT that names the type, in the untransformed source (what
// Clang and clangd show) and from the tool (exit 1, no output file); no
// error from inside the runtime's headers. Its neighbours are accepted: an
// awaiter, a type with make_awaiter found by argument-dependent lookup, a
// Coro, a Task lvalue.
// RUN: rm -f %t.out
// RUN: not %clang-syntax %s 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.out
// RUN: %clang-syntax -DONLY_AWAITABLES %s
#include <awaitc/awaitc.h>

namespace user {
struct Ready { // an awaiter
  bool await_ready() const noexcept { return true; }
  bool await_suspend(awaitc::detail::FrameBase &) noexcept { return false; }
  int await_resume() noexcept { return 7; }
};
struct Wrapped {}; // awaitable through make_awaiter
inline Ready make_awaiter(Wrapped) { return Ready(); }
struct Plain {};
} // namespace user

AWAITC_ASYNC awaitc::Coro<int> value() { return 1; }

AWAITC_ASYNC awaitc::Coro<int> f(awaitc::Task<int> &task) {
  int sum = AWAIT(user::Ready()) + AWAIT(user::Wrapped()) + AWAIT(value()) +
            AWAIT(task);
#ifndef ONLY_AWAITABLES
  int x = AWAIT(42);
  // CHECK: await-not-awaitable.cpp:[[@LINE-1]]:11: error: 'await_<int>' is unavailable: awaitc: the type in await_<...> is not awaitable; AWAIT takes a Coro, a Task, an awaitable of the runtime such as sleep(), an object with await_ready/await_suspend/await_resume, or one for which make_awaiter(x) is found
  AWAIT(user::Plain{});
  // CHECK: await-not-awaitable.cpp:[[@LINE-1]]:3: error: 'await_<user::Plain>' is unavailable: awaitc
  awaitc::Coro<int> *pointer = nullptr;
  int y = AWAIT(pointer);
  // CHECK: await-not-awaitable.cpp:[[@LINE-1]]:11: error: 'await_<awaitc::Coro<int> *&>' is unavailable: awaitc
  sum += x + y;
#endif
  return sum;
}
// CHECK: 3 errors generated.
