// awaitc/future.h - Future<T>: a result that is set later, as asyncio.Future.
//
//   awaitc::Future<int> f;                  // pending
//   awaitc::call_later(1.0, [f]() mutable { f.set_result(42); });
//   int v = AWAIT(f);                       // any number of tasks may await it
//
// Future<T> is a copyable handle to shared state (copies are the same
// future). A default-constructed Future is a new pending future. It is
// completed once, by set_result(value), set_exception(error) or cancel();
// completing a done future throws InvalidStateError (cancel() returns false
// instead).
//
// As asyncio's, hop for hop: completing the future schedules, in the order
// they were added, the wake-ups of the tasks awaiting it and the done
// callbacks (each as loop.call_soon would); so an awaiting task resumes one
// loop iteration after the future is completed. Awaiting a done future
// returns at once. Cancelling a task that awaits a future cancels the future
// (asyncio's Task.cancel does), and every task awaiting it gets
// CancelledError.
//
// result() gives the value (a reference to it; void for Future<void>) or
// throws: the exception set, CancelledError if cancelled, InvalidStateError
// if not done. AWAIT(f) on an lvalue gives a copy of the value, on an rvalue
// (AWAIT(std::move(f))) moves it out. An exception that nothing retrieves
// (result(), exception(), AWAIT) is reported on standard error when the last
// handle goes, as asyncio reports "Future exception was never retrieved".
//
// A future belongs to the loop that first waits for it (AWAIT or
// add_done_callback); waiting for it from another loop throws
// std::logic_error.
#pragma once

#include <awaitc/detail/task_base.h>
#include <awaitc/errors.h>
#include <awaitc/loop.h>

#include <cassert>
#include <cstdio>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace awaitc {

template <class T> class Future;

namespace detail {

// Something waiting for a future: an awaiting task or a done callback.
class FutureListener {
public:
  virtual void on_future_done() noexcept = 0;
  // The future goes away with the listener still added (only done
  // callbacks can be: an awaiter holds a reference).
  virtual void discard() noexcept {}
  bool listening() const noexcept { return listening_; }

protected:
  FutureListener() noexcept = default;
  FutureListener(const FutureListener &) noexcept {}
  FutureListener &operator=(const FutureListener &) = delete;
  ~FutureListener() = default;

private:
  friend class FutureCore;
  bool listening_ = false;
  FutureListener *prev_ = nullptr;
  FutureListener *next_ = nullptr;
};

// The untyped, reference-counted state of a future.
class FutureCore {
public:
  FutureCore() noexcept = default;
  FutureCore(const FutureCore &) = delete;
  FutureCore &operator=(const FutureCore &) = delete;

  void add_ref() noexcept { ++refs_; }
  bool release_ref() noexcept { return --refs_ == 0; }

  bool done() const noexcept { return status_ != Status::Pending; }
  bool cancelled() const noexcept { return status_ == Status::Cancelled; }

  void check_result() {
    if (!done())
      throw InvalidStateError("awaitc: the future is not done");
    if (cancelled())
      throw CancelledError();
    if (exception_) {
      retrieved_ = true;
      std::rethrow_exception(exception_);
    }
  }
  std::exception_ptr exception() {
    if (!done())
      throw InvalidStateError("awaitc: the future is not done");
    if (cancelled())
      throw CancelledError();
    retrieved_ = true;
    return exception_;
  }

  // Binds the future to the current loop, or checks it is that loop.
  void bind_loop() {
    EventLoop &loop = EventLoop::current();
    if (!loop_id_)
      loop_id_ = loop.id();
    else if (loop_id_ != loop.id())
      throw std::logic_error(
          "awaitc::Future: awaited from another event loop than its own");
  }

  void add_listener(FutureListener &listener) noexcept {
    assert(!listener.listening_ && !done());
    listener.listening_ = true;
    listener.prev_ = last_;
    listener.next_ = nullptr;
    (last_ ? last_->next_ : first_) = &listener;
    last_ = &listener;
  }
  void remove_listener(FutureListener &listener) noexcept {
    if (!listener.listening_)
      return;
    (listener.prev_ ? listener.prev_->next_ : first_) = listener.next_;
    (listener.next_ ? listener.next_->prev_ : last_) = listener.prev_;
    listener.listening_ = false;
    listener.prev_ = listener.next_ = nullptr;
  }

  void check_pending() const {
    if (done())
      throw InvalidStateError("awaitc::Future: the future is already done");
  }
  void finish_with_value() noexcept {
    status_ = Status::Finished;
    notify();
  }
  void finish_with_exception(std::exception_ptr error) noexcept {
    status_ = Status::Finished;
    exception_ = std::move(error);
    notify();
  }
  bool cancel() noexcept {
    retrieved_ = true;
    if (done())
      return false;
    status_ = Status::Cancelled;
    notify();
    return true;
  }

  void report_unretrieved_exception() const noexcept {
    if (!exception_ || retrieved_)
      return;
    try {
      std::rethrow_exception(exception_);
    } catch (const std::exception &error) {
      std::fprintf(stderr,
                   "awaitc: Future exception was never retrieved: %s\n",
                   error.what());
    } catch (...) {
      std::fprintf(stderr, "awaitc: Future exception was never retrieved\n");
    }
  }

  ~FutureCore() {
    while (FutureListener *listener = first_) {
      remove_listener(*listener);
      listener->discard();
    }
  }

private:
  enum class Status { Pending, Finished, Cancelled };

  // asyncio's __schedule_callbacks: every listener, in order.
  void notify() noexcept {
    while (FutureListener *listener = first_) {
      remove_listener(*listener);
      listener->on_future_done();
    }
  }

  int refs_ = 0;
  Status status_ = Status::Pending;
  bool retrieved_ = false;
  std::exception_ptr exception_;
  std::uint64_t loop_id_ = 0; // the loop it is bound to (0: none yet)
  FutureListener *first_ = nullptr;
  FutureListener *last_ = nullptr;
};

template <class T> struct FutureValue {
  std::optional<T> value;
  T &get() noexcept { return *value; }
};
template <class T> struct FutureValue<T &> {
  T *value = nullptr;
  T &get() noexcept { return *value; }
};
template <> struct FutureValue<void> {};

template <class T> class FutureState final : public FutureCore {
public:
  ~FutureState() { report_unretrieved_exception(); }
  FutureValue<T> value;
};

// A done callback: scheduled with call_soon when the future completes.
// It refers to the future without owning it, as the future owns it.
template <class T> class FutureCallback final : public FutureListener {
public:
  FutureCallback(FutureState<T> &state, std::function<void(Future<T>)> function)
      : state_(&state), function_(std::move(function)) {}
  void on_future_done() noexcept override;
  void discard() noexcept override { delete this; }

private:
  FutureState<T> *state_;
  std::function<void(Future<T>)> function_;
};

} // namespace detail

template <class T, bool MoveResult> class FutureAwaiter;

template <class T> class Future {
public:
  using value_type = T;

  // A new pending future.
  Future() : state_(new detail::FutureState<T>()) { state_->add_ref(); }
  Future(const Future &other) noexcept : state_(other.state_) {
    state_->add_ref();
  }
  Future(Future &&other) noexcept : Future(other) {}
  Future &operator=(Future other) noexcept {
    std::swap(state_, other.state_);
    return *this;
  }
  ~Future() {
    if (state_->release_ref())
      delete state_;
  }

  bool done() const noexcept { return state_->done(); }
  bool cancelled() const noexcept { return state_->cancelled(); }

  template <class U = T, std::enable_if_t<!std::is_void_v<U>, int> = 0>
  void set_result(U value) {
    state_->check_pending();
    if constexpr (std::is_reference_v<T>)
      state_->value.value = &value;
    else
      state_->value.value.emplace(std::move(value));
    state_->finish_with_value();
  }
  template <class U = T, std::enable_if_t<std::is_void_v<U>, int> = 0>
  void set_result() {
    state_->check_pending();
    state_->finish_with_value();
  }
  void set_exception(std::exception_ptr error) {
    if (!error)
      throw std::invalid_argument("awaitc::Future::set_exception: null");
    state_->check_pending();
    state_->finish_with_exception(std::move(error));
  }
  // set_exception(std::make_exception_ptr(error)).
  template <class E,
            std::enable_if_t<!std::is_same_v<std::decay_t<E>,
                                              std::exception_ptr>,
                             int> = 0>
  void set_exception(E &&error) {
    set_exception(std::make_exception_ptr(std::forward<E>(error)));
  }
  // False if the future is done already.
  bool cancel() noexcept { return state_->cancel(); }

  std::add_lvalue_reference_t<T> result() const {
    state_->check_result();
    if constexpr (!std::is_void_v<T>)
      return state_->value.get();
  }
  std::exception_ptr exception() const { return state_->exception(); }

  // Calls fn(future) from the loop (as call_soon) when the future is done;
  // at the next iteration if it is done already.
  void add_done_callback(std::function<void(Future<T>)> fn) {
    state_->bind_loop();
    if (done()) {
      Future self(*this);
      call_soon([self, fn = std::move(fn)] { fn(self); });
      return;
    }
    auto *callback = new detail::FutureCallback<T>(*state_, std::move(fn));
    state_->add_listener(*callback);
  }

  friend bool operator==(const Future &a, const Future &b) noexcept {
    return a.state_ == b.state_;
  }
  friend bool operator!=(const Future &a, const Future &b) noexcept {
    return a.state_ != b.state_;
  }

private:
  template <class U, bool M> friend class FutureAwaiter;
  friend class detail::FutureCallback<T>;
  explicit Future(detail::FutureState<T> *state) noexcept : state_(state) {
    state_->add_ref();
  }
  detail::FutureState<T> *state_;
};

// The awaiter of AWAIT(future). MoveResult: the future was an rvalue.
template <class T, bool MoveResult>
class FutureAwaiter final : private detail::Waiter,
                            private detail::FutureListener {
public:
  explicit FutureAwaiter(Future<T> future) noexcept
      : future_(std::move(future)) {}
  FutureAwaiter(const FutureAwaiter &other) noexcept
      : Waiter(other), FutureListener(other), future_(other.future_) {}
  ~FutureAwaiter() { future_.state_->remove_listener(*this); }

  bool await_ready() {
    future_.state_->bind_loop();
    return future_.done();
  }
  bool await_suspend(Frame &frame) noexcept {
    suspend(frame);
    future_.state_->add_listener(*this);
    return true;
  }
  T await_resume() {
    resume_or_throw();
    if constexpr (MoveResult && std::is_object_v<T>) {
      future_.state_->check_result();
      return std::move(future_.state_->value.get());
    } else {
      return future_.result();
    }
  }

private:
  void on_future_done() noexcept override { wake(); }
  // As asyncio's Task.cancel: cancel the future; its completion wakes us.
  bool cancel() noexcept override { return future_.cancel(); }

  Future<T> future_;
};

template <class T>
FutureAwaiter<T, false> make_awaiter(const Future<T> &future) noexcept {
  return FutureAwaiter<T, false>(future);
}
template <class T>
FutureAwaiter<T, false> make_awaiter(Future<T> &future) noexcept {
  return FutureAwaiter<T, false>(future);
}
template <class T>
FutureAwaiter<T, true> make_awaiter(Future<T> &&future) noexcept {
  return FutureAwaiter<T, true>(std::move(future));
}

namespace detail {
template <class T> void FutureCallback<T>::on_future_done() noexcept {
  // The callback runs from the loop, as loop.call_soon(fn, future).
  struct Run {
    Future<T> future;
    std::function<void(Future<T>)> function;
    void operator()() { function(future); }
  };
  try {
    call_soon(Run{Future<T>(state_), std::move(function_)});
  } catch (...) {
    std::fprintf(stderr, "awaitc: could not schedule a done callback\n");
  }
  delete this;
}
} // namespace detail

} // namespace awaitc
