// awaitc/async_generator.h - AsyncGenerator<T>: what an async function that
// also YIELDs returns (asyncio: an async generator, `async def` with
// `yield`).
//
//   AWAITC_ASYNC awaitc::AsyncGenerator<int> ticks(int n) {
//     for (int i = 0; i < n; ++i) {
//       AWAIT(awaitc::sleep(0));
//       YIELD(i);
//     }
//   }
//   ...
//   for (int v : AWAIT_EACH(ticks(3))) ...        // async for v in ticks(3)
//   std::optional<int> v = AWAIT(gen.next());     // await anext(gen, None)
//
// Like Python's async generator object:
//   - lazy: nothing of the body runs before the first next();
//   - `AWAIT(gen.next())` runs the body inside the awaiting task, at once
//     (no loop iteration in between, as `await agen.__anext__()`), up to
//     its next YIELD, and gives the yielded value; an empty optional when
//     the body has finished (StopAsyncIteration), again on every later
//     next(); an exception that ends the body is thrown at that AWAIT, and
//     the generator is finished afterwards;
//   - the body's own AWAITs suspend the awaiting task; cancelling that task
//     throws CancelledError at the body's suspension point, from where it
//     propagates out of the body to the AWAIT of next();
//   - awaiting next() while another next() of the same generator is still
//     running throws std::runtime_error ("anext(): asynchronous generator
//     is already running");
//   - move-only; destroying a generator whose body is suspended destroys
//     the body's live locals in reverse order, as `aclose()` does (the body
//     does not get to await during that cleanup: C++ destructors cannot).
#pragma once

#include <awaitc/detail/coroutine_frame.h> // C++20: the promise type
#include <awaitc/detail/frame.h>
#include <awaitc/yield_check.h>

#include <cassert>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace awaitc {

template <class T> class AsyncGenerator;
template <class T> class AsyncNextAwaiter;

template <class T> class AsyncGenerator {
public:
  using value_type = T;
  using frame_type = detail::AsyncGeneratorFrame<T>;

  AsyncGenerator() noexcept = default;
  AsyncGenerator(AsyncGenerator &&other) noexcept
      : frame_(std::exchange(other.frame_, nullptr)) {}
  AsyncGenerator &operator=(AsyncGenerator &&other) noexcept {
    if (this != &other) {
      reset();
      frame_ = std::exchange(other.frame_, nullptr);
    }
    return *this;
  }
  ~AsyncGenerator() { reset(); }

  // A frame built by generated code (or the C++20 promise).
  explicit AsyncGenerator(std::unique_ptr<frame_type> frame) noexcept
      : frame_(frame.release()) {}
  // YIELD(x) before the transform (awaitc/yield_check.h): x must convert
  // to T.
  template <class U, markers::if_yieldable<T, U> = 0>
  AsyncGenerator(markers::yielded<U> &&) noexcept {}
  template <class U, markers::if_not_yieldable<T, U> = 0>
  AWAITC_DETAIL_NOT_YIELDABLE AsyncGenerator(markers::yielded<U> &&);

  bool valid() const noexcept { return frame_ != nullptr; }
  explicit operator bool() const noexcept { return valid(); }
  // The body has finished (returned or threw).
  bool done() const noexcept { return frame_ && frame_->awaitc_done(); }

  // `AWAIT(gen.next())`: the next value, or an empty optional at the end.
  // The generator must outlive the AWAIT.
  AsyncNextAwaiter<T> next() noexcept {
    assert(frame_ && "next() on an empty or moved-from AsyncGenerator");
    return AsyncNextAwaiter<T>(frame_);
  }

private:
  void reset() noexcept {
    if (frame_) {
      assert(!frame_->awaitc_running() &&
             "destroying an AsyncGenerator while its next() is awaited");
      detail::destroy_frame(std::exchange(frame_, nullptr));
    }
  }

  frame_type *frame_ = nullptr;
};

// The awaiter of AWAIT(gen.next()): runs the body in the awaiting task, at
// once, to its next YIELD or its end (detail/frame.h, "async generator").
template <class T> class [[nodiscard]] AsyncNextAwaiter {
public:
  AsyncNextAwaiter(const AsyncNextAwaiter &other) noexcept
      : frame_(other.frame_), child_(other.frame_) {}
  AsyncNextAwaiter &operator=(const AsyncNextAwaiter &) = delete;
  ~AsyncNextAwaiter() {
    // Destroyed while suspended (the awaiting chain is being destroyed):
    // the generator is no longer running.
    if (suspended_ && frame_)
      frame_->awaitc_set_running(false);
  }

  bool await_ready() const {
    if (frame_->awaitc_running())
      throw std::runtime_error(
          "anext(): asynchronous generator is already running");
    return frame_->awaitc_done();
  }
  bool await_suspend(Frame &awaiter) noexcept {
    frame_->awaitc_set_running(true);
    suspended_ = true;
    child_ = frame_;
    static_cast<detail::FrameBase &>(awaiter).awaitc_await_child(child_);
    return true;
  }
  std::optional<T> await_resume() {
    if (suspended_) {
      suspended_ = false;
      frame_->awaitc_set_running(false);
    }
    if (std::exception_ptr error = frame_->awaitc_take_exception())
      std::rethrow_exception(error);
    if (!frame_->awaitc_has_value())
      return std::nullopt;
    return std::optional<T>(frame_->awaitc_take_value());
  }

private:
  friend class AsyncGenerator<T>;
  explicit AsyncNextAwaiter(detail::AsyncGeneratorFrame<T> *frame) noexcept
      : frame_(frame), child_(frame) {}

  detail::AsyncGeneratorFrame<T> *frame_;
  // Where the awaiting frame finds the body it runs (awaitc_await_child).
  detail::FrameBase *child_;
  bool suspended_ = false;
};

namespace detail {

// The awaiter and the result of next() of a generator of type G (any
// reference or cv-qualification of an AsyncGenerator): what generated code
// keeps in its frame for AWAIT_EACH.
template <class G> struct async_generator_traits;
template <class T> struct async_generator_traits<AsyncGenerator<T>> {
  using awaiter = AsyncNextAwaiter<T>;
  using result = std::optional<T>;
};
template <class G>
using async_next_awaiter_t = typename async_generator_traits<
    std::remove_cv_t<std::remove_reference_t<G>>>::awaiter;
template <class G>
using async_next_result_t = typename async_generator_traits<
    std::remove_cv_t<std::remove_reference_t<G>>>::result;

} // namespace detail

} // namespace awaitc
