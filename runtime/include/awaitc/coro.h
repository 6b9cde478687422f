// awaitc/coro.h - Coro<T>: what an async function returns.
//
// Like a Python coroutine object: lazy (nothing of the body runs until it is
// awaited or handed to create_task), move-only, and owning the frame of the
// call. `AWAIT(coro)` runs the body at once inside the current task and
// resumes the awaiter as soon as the body finishes; an exception that ends
// the body is rethrown at the AWAIT. However deep coroutines await each
// other, the C stack does not grow (see detail/frame.h).
//
// Coro is [[nodiscard]]: calling an async function without awaiting,
// scheduling or keeping the result is a warning. A Coro destroyed while it
// owns a body that never started (never awaited, never given to
// create_task) is reported on stderr, as asyncio reports a coroutine that
// was never awaited:
//   awaitc: RuntimeWarning: coroutine 'name' was never awaited
// The name is the function's: the generated code passes it to the Coro, and
// a C++20 coroutine's frame knows it (awaitc_where()).
#pragma once

#include <awaitc/detail/coroutine_frame.h> // C++20: the promise type
#include <awaitc/detail/frame.h>
#include <awaitc/yield_check.h>

#include <cassert>
#include <memory>
#include <type_traits>
#include <utility>

namespace awaitc {

template <class T> class Coro;
template <class T> class CoroAwaiter;

namespace detail {
// Reports a Coro destroyed with a body that never started (see above).
void report_never_awaited(const char *name) noexcept;
} // namespace detail

template <class T> class [[nodiscard]] Coro {
public:
  using value_type = T;
  using frame_type = detail::CoroFrame<T>;

  Coro() noexcept = default;
  Coro(Coro &&other) noexcept
      : frame_(std::exchange(other.frame_, nullptr)), name_(other.name_) {}
  Coro &operator=(Coro &&other) noexcept {
    if (this != &other) {
      reset();
      frame_ = std::exchange(other.frame_, nullptr);
      name_ = other.name_;
    }
    return *this;
  }
  ~Coro() { reset(); }

  // YIELD(x) in an async function, before the transform.
  template <class U>
  AWAITC_DETAIL_YIELD_IN_CORO Coro(markers::yielded<U> &&);

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

  // A frame built by generated code; the Coro owns it from here on. `name`
  // (a string literal: the function's name) is what a report of a Coro
  // never awaited shows.
  explicit Coro(std::unique_ptr<frame_type> frame,
                const char *name = nullptr) noexcept
      : frame_(frame.release()), name_(name) {}

  bool valid() const noexcept { return frame_ != nullptr; }
  explicit operator bool() const noexcept { return valid(); }
  bool done() const noexcept { return frame_ && frame_->awaitc_done(); }

  frame_type *frame() const noexcept { return static_cast<frame_type *>(frame_); }
  // Hands the frame over (create_task): it is no longer this Coro's to report.
  std::unique_ptr<frame_type> release() noexcept {
    frame_type *owned = frame();
    frame_ = nullptr;
    return std::unique_ptr<frame_type>(owned);
  }

private:
  friend class CoroAwaiter<T>;

  void reset() noexcept {
    if (detail::FrameBase *frame = std::exchange(frame_, nullptr)) {
      if (!frame->awaitc_started())
        detail::report_never_awaited(name_ ? name_
                                           : frame->awaitc_where().function);
      detail::destroy_frame(frame);
    }
  }

  // The frame, as its base: where the awaiting frame finds the child it
  // awaits (FrameBase::awaitc_await_child).
  detail::FrameBase *frame_ = nullptr;
  const char *name_ = nullptr;
};

// The awaiter of AWAIT(coro): runs the coroutine in the awaiting task, at once.
template <class T> class CoroAwaiter {
public:
  explicit CoroAwaiter(Coro<T> &&coro) noexcept : coro_(std::move(coro)) {}
  CoroAwaiter(CoroAwaiter &&) noexcept = default;

  bool await_ready() const noexcept {
    assert(coro_.valid() && "awaiting an empty or moved-from Coro");
    return coro_.done();
  }
  // The awaiting frame suspends and the trampoline that runs it goes on
  // with the coroutine's body; the awaiting frame resumes as soon as the
  // body finishes (detail/frame.h). The awaiter stays in the awaiting
  // frame meanwhile, owning the body's frame.
  bool await_suspend(Frame &awaiter) noexcept {
    assert(!coro_.frame()->awaitc_started() &&
           "awaiting a Coro whose body is running");
    static_cast<detail::FrameBase &>(awaiter).awaitc_await_child(coro_.frame_);
    return true;
  }
  T await_resume() { return coro_.frame()->awaitc_take_result(); }

private:
  Coro<T> coro_;
};

template <class T> CoroAwaiter<T> make_awaiter(Coro<T> &&coro) {
  return CoroAwaiter<T>(std::move(coro));
}

} // namespace awaitc
