// awaitc/detail/awaiter_traits.h - how AWAIT finds the awaiter of an
// expression (awaitable.h describes the protocol), and the traits the
// generated code and the dialect's checks use: is_awaitable, awaiter_t,
// await_result_t.
#pragma once

#include <type_traits>
#include <utility>

namespace awaitc {
namespace detail {

template <class A, class = void> struct is_awaiter : std::false_type {};
template <class A>
struct is_awaiter<A, std::void_t<decltype(std::declval<A &>().await_ready())>>
    : std::true_type {};

// Refers to an awaiter held elsewhere (an lvalue awaited in place).
template <class A> class AwaiterRef {
public:
  explicit AwaiterRef(A &awaiter) noexcept : awaiter_(&awaiter) {}
  decltype(auto) await_ready() { return awaiter_->await_ready(); }
  template <class F> decltype(auto) await_suspend(F &frame) {
    return awaiter_->await_suspend(frame);
  }
  decltype(auto) await_resume() { return awaiter_->await_resume(); }

private:
  A *awaiter_;
};

template <class A> auto get_awaiter(A &&awaitable) {
  using Plain = std::remove_cv_t<std::remove_reference_t<A>>;
  if constexpr (is_awaiter<Plain>::value) {
    if constexpr (std::is_lvalue_reference_v<A>)
      return AwaiterRef<std::remove_reference_t<A>>(awaitable);
    else
      return Plain(std::move(awaitable));
  } else {
    return make_awaiter(std::forward<A>(awaitable));
  }
}

// Whether make_awaiter(x) is found for an expression of type A (by
// argument-dependent lookup, at the point of use).
template <class A, class = void> struct has_make_awaiter : std::false_type {};
template <class A>
struct has_make_awaiter<A, std::void_t<decltype(make_awaiter(std::declval<A>()))>>
    : std::true_type {};

// Whether AWAIT accepts an expression of type A (a reference type for an
// lvalue or xvalue expression).
template <class A>
struct is_awaitable
    : std::bool_constant<
          is_awaiter<std::remove_cv_t<std::remove_reference_t<A>>>::value ||
          has_make_awaiter<A>::value> {};

// The awaiter a frame keeps while it waits on an expression of type A
// (A is a reference type for an lvalue or xvalue expression).
template <class A>
using awaiter_t = decltype(get_awaiter(std::declval<A>()));

// What AWAIT(expression of type A) evaluates to.
template <class A>
using await_result_t = decltype(std::declval<awaiter_t<A> &>().await_resume());

// await_result_t<A>, for awaitable types only (no error otherwise).
template <class A, bool = is_awaitable<A>::value> struct checked_await_result {};
template <class A> struct checked_await_result<A, true> {
  using type = await_result_t<A>;
};

// What AWAIT of a non-awaitable evaluates to, after its error: anything, so
// that the error is the only one.
struct not_awaitable {
  template <class T> operator T() const;
};

} // namespace detail
} // namespace awaitc
