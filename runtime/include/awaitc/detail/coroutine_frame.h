// awaitc/detail/coroutine_frame.h - C++20 coroutines on the awaitc runtime.
//
// `awaitc --emit=cxx20` turns an annotated function into a C++20 coroutine
// (markers become co_await / co_yield, `return` becomes co_return). Such a
// coroutine runs on the same runtime as a generated state machine, through
// the same frame protocol (frame.h), so that the loop, the tasks, every
// awaiter and the order in which things run stay the same:
//
//   - The awaitc frame of the call is an adapter, derived from CoroFrame<T>
//     or GeneratorFrame<T>, that owns the coroutine handle. Its step()
//     resumes the coroutine; destroying it destroys the coroutine (the live
//     locals of a suspended body are destroyed in reverse order).
//   - The promise's await_transform obtains the runtime awaiter exactly as
//     a generated frame does (get_awaiter), keeps it in the coroutine frame
//     for the duration of the co_await, and calls its await_suspend with the
//     adapter frame; when that suspends, the adapter is marked suspended as
//     awaitc_suspend_at() would, so resume() sees a suspension.
//   - co_return stores the result in the frame's slot; an exception that
//     leaves the body is kept and rethrown out of step() once the
//     coroutine has reached its final suspension, as one leaving a
//     generated step().
//
// The promise types are plugged in through std::coroutine_traits (coro.h
// and generator.h include the specialisations when the compiler supports
// coroutines), so Coro and Generator have one definition in every
// translation unit, C++17 or C++20. In C++17 this header is empty.
//
// AsyncGenerator<T> (both markers) gets its promise here too: its adapter
// derives from AsyncGeneratorFrame<T>, so co_await in its body goes through
// the same awaiters, and co_yield hands the value to the awaiter of next().
//
// A frame prints the name of its function as a generated frame does; an
// annotated lambda's, which the compiler does not know (the variable the
// lambda initializes), the emitter passes in: it wraps the lambda in
// named_lambda<"name">(...).
#pragma once

#if defined(__cpp_impl_coroutine) && defined(__has_include)
#if __has_include(<coroutine>)
#define AWAITC_DETAIL_COROUTINES 1
#endif
#endif

#ifdef AWAITC_DETAIL_COROUTINES

#include <awaitc/awaitable.h>
#include <awaitc/detail/frame.h>

#include <atomic>
#include <cctype>
#include <coroutine>
#include <cstddef>
#include <exception>
#include <memory>
#include <source_location>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace awaitc {

template <class T> class Coro;
template <class T> class Generator;
template <class T> class AsyncGenerator;

namespace detail {

// The unqualified name of the function whose std::source_location
// function_name() is \p signature ("awaitc::Coro<int> S<long>::get(int)
// [T = long]" is "get"), as a generated frame names its function; a
// lambda's call operator is \p lambda.
inline std::string function_name_of(std::string_view signature,
                                    std::string_view lambda = "lambda") {
  // Clang's " [T = long]", g++'s " [with T = long]".
  if (size_t with = signature.rfind(" ["); with != std::string_view::npos)
    signature = signature.substr(0, with);
  // Where a lambda's coroutine has not run yet, g++ names its closure
  // alone: "main()::<lambda(int)>", "<lambda(int)> mutable".
  std::string_view closure = signature;
  if (closure.ends_with(" mutable"))
    closure.remove_suffix(8);
  if (closure.ends_with(")>") &&
      closure.rfind("<lambda(") != std::string_view::npos)
    return std::string(lambda);
  // Before the parameter list: the last parenthesis pair.
  size_t close = signature.rfind(')');
  if (close == std::string_view::npos)
    return std::string(signature);
  int depth = 0;
  size_t open = close;
  for (size_t i = close + 1; i-- > 0;) {
    if (signature[i] == ')')
      ++depth;
    else if (signature[i] == '(' && --depth == 0) {
      open = i;
      break;
    }
  }
  std::string_view name = signature.substr(0, open);
  // A lambda's call operator: Clang names the closure "(anonymous class)",
  // g++ "<lambda(int)>"; a class's own is "S::operator()".
  if (name.ends_with("::operator()")) {
    std::string_view scope = name.substr(0, name.size() - 12);
    if (scope.ends_with("(anonymous class)") ||
        (scope.ends_with(")>") &&
         scope.rfind("<lambda(") != std::string_view::npos))
      return std::string(lambda);
  }
  // An operator's name holds punctuation that the search below would take
  // for part of a type ("operator<", "operator()").
  if (size_t op = name.rfind("operator");
      op != std::string_view::npos &&
      (op == 0 || name[op - 1] == ':' || name[op - 1] == ' ') &&
      op + 8 < name.size() &&
      !(std::isalnum(static_cast<unsigned char>(name[op + 8])) ||
        name[op + 8] == '_'))
    return std::string(name.substr(op));
  // After the last scope or the return type, outside template arguments.
  depth = 0;
  for (size_t i = name.size(); i-- > 0;) {
    char c = name[i];
    if (c == '>')
      ++depth;
    else if (c == '<')
      --depth;
    else if (depth == 0 && (c == ':' || c == ' ')) {
      name = name.substr(i + 1);
      break;
    }
  }
  // (A function template's own arguments, `later<int>`, are not shown.)
  if (size_t angle = name.find('<'); angle != std::string_view::npos)
    name = name.substr(0, angle);
  return std::string(name);
}

// The name awaitc gives an annotated lambda's frame (the variable the
// lambda initializes, or "lambda"), kept by closure type: a task that has
// not started prints its frame's name before any of the body has run, and
// until then the closure's type, through std::coroutine_traits, is all a
// promise learns of the lambda (Clang does not pass the closure object to
// the promise's constructor). Null until named_lambda() names it.
template <class Closure> inline std::atomic<const char *> lambda_name{nullptr};

// A string literal as a template argument.
template <std::size_t N> struct LambdaNameLiteral {
  constexpr LambdaNameLiteral(const char (&name)[N]) noexcept {
    for (std::size_t i = 0; i < N; ++i)
      text[i] = name[i];
  }
  char text[N];
};

// Stores the name during static initialization rather than where the
// lambda is evaluated: the name is there before any frame can be printed,
// and named_lambda() stays a constant expression, so a constexpr closure
// and the constant initialization of one at namespace scope keep working.
template <class Closure, LambdaNameLiteral Name> struct LambdaNameRegistration {
  static inline const bool registered =
      (lambda_name<Closure>.store(Name.text, std::memory_order_relaxed), true);
};

// `named_lambda<"fetch">([](int n) -> Coro<int> {...})`: what
// `awaitc --emit=cxx20` makes of an annotated lambda, so that its frames
// print the name a state machine's would. The lambda is returned as it is,
// and the edit stays on the lambda's lines.
template <LambdaNameLiteral Name, class Closure>
constexpr Closure named_lambda(Closure closure) noexcept {
  static_cast<void>(&LambdaNameRegistration<Closure, Name>::registered);
  return closure;
}

// The class whose lambda_name a coroutine's promise reads, from the
// coroutine's std::coroutine_traits arguments: the first, when it can be
// the object of a call operator (an lvalue of a class); void otherwise.
// (A function whose first parameter is a named lambda shows its own name:
// only a call operator's frame takes the name, see function_name_of.)
template <class... Args> struct CallObject { using type = void; };
template <class First, class... Rest> struct CallObject<First &, Rest...> {
  using type =
      std::conditional_t<std::is_class_v<First>, std::remove_cv_t<First>, void>;
};
template <class... Args>
using call_object_t = typename CallObject<Args...>::type;

template <class Object>
constexpr const std::atomic<const char *> *lambda_name_of() noexcept {
  if constexpr (std::is_void_v<Object>)
    return nullptr;
  else
    return &lambda_name<Object>;
}

// Where a C++20 coroutine waits: the line of its co_await or co_yield, or
// of its definition before it first runs. A frame that a task can await
// (one derived from FrameBase) reports it to Task::print_stack(), as a
// generated frame's line table does. `lambda` is the lambda_name of the
// class whose call operator the coroutine may be (null: none); it is read
// when the frame is printed.
template <class Base, bool Reported = std::is_base_of_v<FrameBase, Base>>
class CoroutineWhere : public Base {
public:
  CoroutineWhere(const std::source_location &start,
                 const std::atomic<const char *> *) noexcept
      : where_(start) {}
  void awaitc_coroutine_at(const std::source_location &where) noexcept {
    where_ = where;
  }

protected:
  std::source_location where_;
};

template <class Base>
class CoroutineWhere<Base, true> : public CoroutineWhere<Base, false> {
public:
  CoroutineWhere(const std::source_location &start,
                 const std::atomic<const char *> *lambda) noexcept
      : CoroutineWhere<Base, false>(start, lambda), lambda_(lambda) {}
  SourceLine awaitc_where() const noexcept override {
    const std::source_location &where = this->where_;
    try {
      if (function_.empty()) {
        const char *lambda =
            lambda_ ? lambda_->load(std::memory_order_relaxed) : nullptr;
        function_ =
            function_name_of(where.function_name(), lambda ? lambda : "lambda");
      }
      return {where.file_name(), where.line(), function_.c_str()};
    } catch (...) {
      return {where.file_name(), where.line(), where.function_name()};
    }
  }

private:
  const std::atomic<const char *> *lambda_;
  mutable std::string function_;
};

// The awaitc frame of a C++20 coroutine: Base is CoroFrame<T>,
// GeneratorFrame<T> or AsyncGeneratorFrame<T>.
template <class Base> class CoroutineFrame final : public CoroutineWhere<Base> {
public:
  // `start`: where the coroutine's definition begins; `lambda`: see
  // CoroutineWhere.
  CoroutineFrame(std::coroutine_handle<> handle,
                 const std::source_location &start,
                 const std::atomic<const char *> *lambda = nullptr) noexcept
      : CoroutineWhere<Base>(start, lambda), handle_(handle) {}
  ~CoroutineFrame() override { handle_.destroy(); }

  // The coroutine has suspended at a co_await or co_yield. Any state other
  // than the start and the end will do: the coroutine knows where it is.
  void awaitc_coroutine_suspended() noexcept {
    this->awaitc_mark_suspended(awaitc_suspended_state);
  }

  template <class U> void awaitc_coroutine_return(U &&value) {
    this->awaitc_return_value(std::forward<U>(value));
  }
  void awaitc_coroutine_return() { this->awaitc_return_void(); }

  template <class V> void awaitc_coroutine_yield(V &value) noexcept {
    this->awaitc_yield_at(awaitc_suspended_state, value);
  }

  // The exception that ended the body, to rethrow out of step().
  void awaitc_coroutine_failed(std::exception_ptr error) noexcept {
    failed_ = std::move(error);
  }

private:
  static constexpr int awaitc_suspended_state = 1;

  void awaitc_step() override {
    handle_.resume();
    if (failed_)
      std::rethrow_exception(std::exchange(failed_, nullptr));
  }

  std::coroutine_handle<> handle_;
  std::exception_ptr failed_;
};

// What co_await on an awaitable of type A (a reference type) gives the
// coroutine: the runtime awaiter, kept in the coroutine frame until the
// co_await's full-expression ends, as a generated frame keeps it.
template <class A, class Frame> class AwaitAdapter {
public:
  AwaitAdapter(Frame &frame, A awaitable)
      : frame_(frame), awaiter_(get_awaiter(std::forward<A>(awaitable))) {}
  AwaitAdapter(const AwaitAdapter &) = delete;
  AwaitAdapter &operator=(const AwaitAdapter &) = delete;

  bool await_ready() { return static_cast<bool>(awaiter_.await_ready()); }
  bool await_suspend(std::coroutine_handle<>) {
    if (!awaiter_.await_suspend(static_cast<FrameBase &>(frame_)))
      return false;
    frame_.awaitc_coroutine_suspended();
    return true;
  }
  decltype(auto) await_resume() { return awaiter_.await_resume(); }

private:
  Frame &frame_;
  awaiter_t<A> awaiter_;
};

// What the emitter puts at the end of the body of an async function whose
// result type is not void, so that flowing off the end throws, as in a
// generated frame, instead of being undefined behaviour:
// `co_return FlowedOffEnd{};` (the compiler then sees no path without a
// value), or, for a dependent result type that may be void,
// `co_await FlowedOffEnd{};`, which does nothing for a void result.
struct FlowedOffEnd {};

// co_return, for a Coro<T>.
template <class T, class Frame> class CoroReturn {
public:
  // The default argument lets `co_return {a, b};` initialize a T.
  template <class U = T> void return_value(U &&value) {
    frame_->awaitc_coroutine_return(std::forward<U>(value));
  }
  void return_value(FlowedOffEnd) { frame_->awaitc_flowed_off_end(); }

protected:
  Frame *frame_ = nullptr;
};

template <class Frame> class CoroReturn<void, Frame> {
public:
  void return_void() { frame_->awaitc_coroutine_return(); }

protected:
  Frame *frame_ = nullptr;
};

// The promise of a coroutine returning Coro<T>: lazy (it runs when awaited
// or scheduled), suspended at its end until the Coro is destroyed. Object:
// see call_object_t.
template <class T, class Object>
class CoroPromise final
    : public CoroReturn<T, CoroutineFrame<CoroFrame<T>>> {
  using Frame = CoroutineFrame<CoroFrame<T>>;

public:
  // (The default argument is where the coroutine's definition begins.)
  explicit CoroPromise(
      std::source_location start = std::source_location::current()) noexcept
      : start_(start) {}

  Coro<T> get_return_object() {
    auto frame = std::make_unique<Frame>(
        std::coroutine_handle<CoroPromise>::from_promise(*this), start_,
        lambda_name_of<Object>());
    this->frame_ = frame.get();
    return Coro<T>(std::unique_ptr<CoroFrame<T>>(std::move(frame)));
  }
  std::suspend_always initial_suspend() const noexcept { return {}; }
  std::suspend_always final_suspend() const noexcept { return {}; }
  // Out of the adapter's step(), as out of a generated step(). Not
  // rethrown from here: Clang 19 then destroys the body's locals a second
  // time when the coroutine is destroyed. The same exception object is
  // rethrown, so `throw;` identity is kept.
  void unhandled_exception() noexcept {
    this->frame_->awaitc_coroutine_failed(std::current_exception());
  }

  // (The default argument is where the co_await is.)
  template <class A>
  AwaitAdapter<A &&, Frame> await_transform(
      A &&awaitable,
      std::source_location where = std::source_location::current()) {
    this->frame_->awaitc_coroutine_at(where);
    return AwaitAdapter<A &&, Frame>(*this->frame_, std::forward<A>(awaitable));
  }
  std::suspend_never await_transform(FlowedOffEnd) {
    if constexpr (!std::is_void_v<T>)
      this->frame_->awaitc_flowed_off_end();
    return {};
  }

private:
  std::source_location start_;
};

// co_yield's awaiter: the consumer sees `value` until the generator resumes.
template <class V, class Frame> class YieldAwaiter {
public:
  YieldAwaiter(Frame &frame, V &value) noexcept
      : frame_(frame), value_(value) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {
    frame_.awaitc_coroutine_yield(value_);
  }
  void await_resume() const noexcept {}

private:
  Frame &frame_;
  V &value_;
};

// The same, for a copy of the yielded value made when the operand is not a
// temporary of the generator's value type (a generated frame copies or
// moves it into the frame). The copy lives in the coroutine frame until the
// generator resumes.
template <class V, class Frame> class YieldCopyAwaiter {
public:
  template <class U>
  YieldCopyAwaiter(Frame &frame, U &&value)
      : frame_(frame), value_(std::forward<U>(value)) {}
  YieldCopyAwaiter(const YieldCopyAwaiter &) = delete;
  YieldCopyAwaiter &operator=(const YieldCopyAwaiter &) = delete;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {
    frame_.awaitc_coroutine_yield(value_);
  }
  void await_resume() const noexcept {}

private:
  Frame &frame_;
  V value_;
};

// `co_yield yielded_xvalue(std::move(x))`: the emitter's spelling of a
// YIELD whose operand is an xvalue, which is moved from like a generated
// frame does (a plain co_yield would hand out x itself).
template <class U> struct YieldedXvalue {
  U &&value;
};
template <class U> YieldedXvalue<U> yielded_xvalue(U &&value) noexcept {
  return {std::forward<U>(value)};
}

// The promise of a coroutine returning Generator<T>.
template <class T> class GeneratorPromise final {
  static_assert(!std::is_rvalue_reference_v<T>,
                "awaitc: generators of rvalue references are not supported");
  using Frame = CoroutineFrame<GeneratorFrame<T>>;
  using Value = std::remove_reference_t<T>;

public:
  explicit GeneratorPromise(
      std::source_location start = std::source_location::current()) noexcept
      : start_(start) {}

  Generator<T> get_return_object() {
    auto frame = std::make_unique<Frame>(
        std::coroutine_handle<GeneratorPromise>::from_promise(*this), start_);
    frame_ = frame.get();
    return Generator<T>(
        std::unique_ptr<GeneratorFrame<T>>(std::move(frame)));
  }
  std::suspend_always initial_suspend() const noexcept { return {}; }
  std::suspend_always final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept {
    frame_->awaitc_coroutine_failed(std::current_exception());
  }
  void return_void() const noexcept {}

  // A temporary of the value type (or one converted to it): the consumer
  // sees the temporary itself, which lives until the generator resumes.
  template <class V = T, std::enable_if_t<!std::is_reference_v<V>, int> = 0>
  YieldAwaiter<Value, Frame> yield_value(Value &&value) noexcept {
    return {*frame_, value};
  }
  // Any other operand: a copy.
  template <class V = T, std::enable_if_t<!std::is_reference_v<V>, int> = 0>
  YieldCopyAwaiter<Value, Frame> yield_value(const Value &value) {
    return {*frame_, value};
  }
  template <class U, class V = T,
            std::enable_if_t<!std::is_reference_v<V>, int> = 0>
  YieldCopyAwaiter<Value, Frame> yield_value(YieldedXvalue<U> operand) {
    return {*frame_, std::forward<U>(operand.value)};
  }
  // Generator<U&>: the consumer refers to the operand.
  template <class V = T, std::enable_if_t<std::is_reference_v<V>, int> = 0>
  YieldAwaiter<Value, Frame> yield_value(Value &value) noexcept {
    return {*frame_, value};
  }

  // A generator does not await (the tool rejects AWAIT in one).
  template <class A> void await_transform(A &&) = delete;

private:
  Frame *frame_ = nullptr;
  std::source_location start_;
};

// The promise of a coroutine returning AsyncGenerator<T>: lazy, awaiting
// like a Coro's, yielding like a Generator's (the awaiter of next() moves
// the value out before the body resumes).
template <class T, class Object> class AsyncGeneratorPromise final {
  static_assert(!std::is_reference_v<T>,
                "awaitc: async generators of references are not supported");
  using Frame = CoroutineFrame<AsyncGeneratorFrame<T>>;

public:
  explicit AsyncGeneratorPromise(
      std::source_location start = std::source_location::current()) noexcept
      : start_(start) {}

  AsyncGenerator<T> get_return_object() {
    auto frame = std::make_unique<Frame>(
        std::coroutine_handle<AsyncGeneratorPromise>::from_promise(*this),
        start_, lambda_name_of<Object>());
    frame_ = frame.get();
    return AsyncGenerator<T>(
        std::unique_ptr<AsyncGeneratorFrame<T>>(std::move(frame)));
  }
  std::suspend_always initial_suspend() const noexcept { return {}; }
  std::suspend_always final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept {
    frame_->awaitc_coroutine_failed(std::current_exception());
  }
  void return_void() const noexcept {}

  // (The default arguments are where the co_yield or the co_await is.)
  YieldAwaiter<T, Frame> yield_value(
      T &&value,
      std::source_location where = std::source_location::current()) noexcept {
    frame_->awaitc_coroutine_at(where);
    return {*frame_, value};
  }
  YieldCopyAwaiter<T, Frame>
  yield_value(const T &value,
              std::source_location where = std::source_location::current()) {
    frame_->awaitc_coroutine_at(where);
    return {*frame_, value};
  }
  template <class U>
  YieldCopyAwaiter<T, Frame>
  yield_value(YieldedXvalue<U> operand,
              std::source_location where = std::source_location::current()) {
    frame_->awaitc_coroutine_at(where);
    return {*frame_, std::forward<U>(operand.value)};
  }

  template <class A>
  AwaitAdapter<A &&, Frame> await_transform(
      A &&awaitable,
      std::source_location where = std::source_location::current()) {
    frame_->awaitc_coroutine_at(where);
    return AwaitAdapter<A &&, Frame>(*frame_, std::forward<A>(awaitable));
  }

private:
  Frame *frame_ = nullptr;
  std::source_location start_;
};

} // namespace detail
} // namespace awaitc

// The promise types, for every signature (Args: the parameters, after the
// object of a member function).
template <class T, class... Args>
struct std::coroutine_traits<awaitc::Coro<T>, Args...> {
  using promise_type =
      awaitc::detail::CoroPromise<T, awaitc::detail::call_object_t<Args...>>;
};
template <class T, class... Args>
struct std::coroutine_traits<awaitc::Generator<T>, Args...> {
  using promise_type = awaitc::detail::GeneratorPromise<T>;
};
template <class T, class... Args>
struct std::coroutine_traits<awaitc::AsyncGenerator<T>, Args...> {
  using promise_type = awaitc::detail::AsyncGeneratorPromise<
      T, awaitc::detail::call_object_t<Args...>>;
};

#endif // AWAITC_DETAIL_COROUTINES
