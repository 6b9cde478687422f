// awaitc/detail/awaiter_coro.h - a Coro<T> whose body is one AWAIT.
//
// The runtime's own coroutines (StreamReader::read, to_thread, ...) are
// written as awaiters; awaiter_coro<T, Awaiter>(args...) wraps one in a
// frame of its own, so that users get a Coro<T> as from an async function:
// awaitable, and accepted by create_task, gather and wait_for. The frame
// builds the awaiter in place, awaits it once and returns its result.
#pragma once

#include <awaitc/coro.h>
#include <awaitc/detail/frame.h>

#include <memory>
#include <type_traits>
#include <utility>

namespace awaitc {
namespace detail {

template <class T, class Awaiter> class AwaiterFrame final : public CoroFrame<T> {
public:
  template <class... Args>
  explicit AwaiterFrame(Args &&...args) : awaiter_(std::forward<Args>(args)...) {}

private:
  void awaitc_step() override {
    if (this->awaitc_state_ == this->awaitc_start &&
        this->awaitc_suspend_at(1, awaiter_))
      return;
    if constexpr (std::is_void_v<T>) {
      awaiter_.await_resume();
      this->awaitc_return_void();
    } else {
      this->awaitc_return_value(awaiter_.await_resume());
    }
  }

  Awaiter awaiter_;
};

template <class T, class Awaiter, class... Args>
Coro<T> awaiter_coro(const char *name, Args &&...args) {
  return Coro<T>(
      std::make_unique<AwaiterFrame<T, Awaiter>>(std::forward<Args>(args)...),
      name);
}

} // namespace detail
} // namespace awaitc
