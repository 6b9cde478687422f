// awaitc/coro.h - Coro<T>: what an async function returns.
//
// Like a Python coroutine object: lazy (nothing of the body runs until it is
// awaited or handed to create_task), move-only, and owning the frame of the
// call. `AWAIT(coro)` runs the body at once inside the current task and
// resumes the awaiter as soon as the body finishes; an exception that ends
// the body is rethrown at the AWAIT.
#pragma once

#include <awaitc/detail/coroutine_frame.h> // C++20: the promise type
#include <awaitc/detail/frame.h>

#include <cassert>
#include <memory>
#include <type_traits>
#include <utility>

namespace awaitc {

template <class T> class Coro;

namespace detail {
template <class T> struct CoroAccess;
}

template <class T> class Coro {
public:
  using value_type = T;
  using frame_type = detail::CoroFrame<T>;

  Coro() noexcept = default;
  Coro(Coro &&) noexcept = default;
  Coro &operator=(Coro &&) noexcept = default;

  // Lets `return value;` type-check in an annotated body before awaitc has
  // transformed it. Calling it means the body was compiled untransformed.
  template <class U, class V = T,
            std::enable_if_t<!std::is_void_v<V> &&
                                 std::is_convertible_v<U &&, V> &&
                                 !std::is_same_v<std::decay_t<U>, Coro>,
                             int> = 0>
#if defined(__GNUC__) || defined(__clang__)
  __attribute__((error(
      "awaitc: this coroutine body was compiled without being transformed; "
      "run the awaitc tool on this file (see awaitc_target_sources)")))
#endif
  Coro(U &&value);

  // The same for `return {a, b};`.
  template <class... Args, class V = T,
            std::enable_if_t<!std::is_void_v<V> && sizeof...(Args) != 1 &&
                                 std::is_constructible_v<V, Args &&...>,
                             int> = 0>
#if defined(__GNUC__) || defined(__clang__)
  __attribute__((error(
      "awaitc: this coroutine body was compiled without being transformed; "
      "run the awaitc tool on this file (see awaitc_target_sources)")))
#endif
  Coro(Args &&...values);

  // A frame built by generated code; the Coro owns it from here on.
  explicit Coro(std::unique_ptr<frame_type> frame) noexcept
      : frame_(std::move(frame)) {}

  bool valid() const noexcept { return frame_ != nullptr; }
  explicit operator bool() const noexcept { return valid(); }
  bool done() const noexcept { return frame_ && frame_->awaitc_done(); }

  frame_type *frame() const noexcept { return frame_.get(); }
  std::unique_ptr<frame_type> release() noexcept { return std::move(frame_); }

private:
  std::unique_ptr<frame_type> frame_;
};

namespace detail {

// AWAIT(coro): runs the coroutine inline in the awaiting frame's task.
template <class T> class CoroAwaiter {
public:
  explicit CoroAwaiter(Coro<T> &&coro) noexcept : coro_(std::move(coro)) {}
  CoroAwaiter(CoroAwaiter &&) noexcept = default;

  bool await_ready() const noexcept {
    assert(coro_.valid() && "awaiting an empty or moved-from Coro");
    return coro_.done();
  }
  // Runs the body until it first suspends. Returns false when it finished
  // already, so that the awaiter goes on at once without a trip through the
  // loop; otherwise the child resumes the awaiter when it finishes.
  bool await_suspend(FrameBase &awaiter) {
    CoroFrame<T> &child = *coro_.frame();
    child.awaitc_set_task(awaiter.awaitc_task());
    child.awaitc_set_continuation(nullptr);
    child.awaitc_resume();
    if (child.awaitc_done())
      return false;
    child.awaitc_set_continuation(&awaiter);
    return true;
  }
  T await_resume() { return coro_.frame()->awaitc_take_result(); }

private:
  Coro<T> coro_;
};

} // namespace detail

template <class T> detail::CoroAwaiter<T> make_awaiter(Coro<T> &&coro) {
  return detail::CoroAwaiter<T>(std::move(coro));
}

} // namespace awaitc
