// awaitc/yield_check.h - YIELD's type check in the source awaitc reads.
//
// Before the transform, `YIELD(x)` is `return awaitc::markers::yield_(x)`:
// the generator's return type (Generator<T> or AsyncGenerator<T>) takes the
// marker's result only if x can initialize a T, so a value the generator
// cannot yield is an error at the YIELD, for the compiler and for clangd
// alike, rather than in the generated code. The transform replaces every
// YIELD, so nothing here is ever called.
#pragma once

#include <type_traits>

// The errors at a YIELD that cannot be: the value's type does not fit the
// generator, or the function is no generator.
#if defined(__clang__)
#define AWAITC_DETAIL_NOT_YIELDABLE                                            \
  __attribute__((unavailable("awaitc: the operand of YIELD cannot initialize " \
                             "the generator's value type")))
#define AWAITC_DETAIL_NOT_A_GENERATOR                                          \
  __attribute__((unavailable(                                                  \
      "awaitc: YIELD can only be used in a generator: a function returning "   \
      "awaitc::Generator<T> (AWAITC_GENERATOR) or awaitc::AsyncGenerator<T> "  \
      "(AWAITC_ASYNC)")))
#define AWAITC_DETAIL_YIELD_IN_CORO                                            \
  __attribute__((unavailable(                                                  \
      "awaitc: YIELD cannot be used in an async function (it returns "         \
      "awaitc::Coro); use AWAITC_GENERATOR and awaitc::Generator<T> for a "    \
      "generator, or return awaitc::AsyncGenerator<T> for an async "           \
      "generator")))
#else
#define AWAITC_DETAIL_NOT_YIELDABLE
#define AWAITC_DETAIL_NOT_A_GENERATOR
#define AWAITC_DETAIL_YIELD_IN_CORO
#endif

namespace awaitc {

template <class T> class Generator;
template <class T> class AsyncGenerator;
template <class T> class Coro;

namespace markers {

// The return types with a constructor of their own from yielded<U>.
template <class R> struct takes_yielded : std::false_type {};
template <class T> struct takes_yielded<Generator<T>> : std::true_type {};
template <class T> struct takes_yielded<AsyncGenerator<T>> : std::true_type {};
template <class T> struct takes_yielded<Coro<T>> : std::true_type {};

// What yield_(x) returns; U is x's type as a forwarding reference deduces it.
// The generators take it by a constructor (Coro by one that is an error);
// any other return type by this conversion, which is an error.
template <class U> struct yielded {
  template <class R, std::enable_if_t<!takes_yielded<R>::value, int> = 0>
  AWAITC_DETAIL_NOT_A_GENERATOR operator R() const;
};

template <class T, class U>
using if_yieldable = std::enable_if_t<std::is_convertible<U &&, T>::value, int>;
template <class T, class U>
using if_not_yieldable =
    std::enable_if_t<!std::is_convertible<U &&, T>::value, int>;

} // namespace markers
} // namespace awaitc
