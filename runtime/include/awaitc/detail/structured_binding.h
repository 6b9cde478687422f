// awaitc/detail/structured_binding.h - a structured binding of a frame's
// object, for generated code in templates.
//
// A structured binding cannot be a class member, so when `auto [a, b] = e;`
// lives across a suspension the frame keeps the object it binds, and the
// generated code names each binding through that object. Outside templates
// the tool knows which of C++'s three forms of binding applies and writes
// `object.member`, `object[i]` or `get<i>(object)` itself. In a template
// whose initializer is type-dependent it cannot know, so it writes
// `structured_binding<I, N>(object)` for the I-th of N bindings, and
// `structured_binding_t<I, N, E>` for what decltype of it names; they apply
// the rules of [dcl.struct.bind] once the type is known:
//   - an array: its I-th element;
//   - a tuple-like type (std::tuple_size<E> is complete): the member
//     get<I>() if E has one, else get<I>(object) found by argument-dependent
//     lookup; as in the tool's own spelling, get is called at each use;
//   - any other class: its I-th non-static data member, reached by binding
//     the object itself, which is how C++17 lets code name "the I-th
//     member" without knowing its name.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <tuple>
#include <type_traits>
#include <utility>

namespace awaitc {
namespace detail {

template <class E, class = void> struct is_tuple_like : std::false_type {};
template <class E>
struct is_tuple_like<E, std::void_t<decltype(std::tuple_size<E>::value)>>
    : std::true_type {};

template <std::size_t I, class E, class = void>
struct has_member_get : std::false_type {};
template <std::size_t I, class E>
struct has_member_get<
    I, E, std::void_t<decltype(std::declval<E &>().template get<I>())>>
    : std::true_type {};

template <class T> struct binding_type_tag {
  using type = T;
};
template <class... Declared> struct declared_types {};

template <std::size_t I, bool WantType, class... Declared, class... Member>
decltype(auto) pick(declared_types<Declared...>, Member &...members) {
  if constexpr (WantType)
    return binding_type_tag<std::tuple_element_t<I, std::tuple<Declared...>>>{};
  else
    return std::get<I>(std::forward_as_tuple(members...));
}

// The I-th of the N data members of a class: a reference to it, or (with
// WantType) a tag holding its declared type. A binding must name exactly N
// variables, hence one branch per N.
template <std::size_t I, std::size_t N, bool WantType, class E>
decltype(auto) bind_member(E &object) {
  static_assert(N >= 1 && N <= 16,
                "awaitc keeps a structured binding of 1 to 16 names across a "
                "suspension in a template");
  if constexpr (N == 1) {
    auto &[m0] = object;
    return pick<I, WantType>(declared_types<decltype(m0)>{}, m0);
  } else if constexpr (N == 2) {
    auto &[m0, m1] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1)>{}, m0, m1);
  } else if constexpr (N == 3) {
    auto &[m0, m1, m2] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2)>{}, m0, m1, m2);
  } else if constexpr (N == 4) {
    auto &[m0, m1, m2, m3] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2), decltype(m3)>{}, m0, m1, m2, m3);
  } else if constexpr (N == 5) {
    auto &[m0, m1, m2, m3, m4] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2), decltype(m3), decltype(m4)>{}, m0, m1, m2, m3, m4);
  } else if constexpr (N == 6) {
    auto &[m0, m1, m2, m3, m4, m5] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2), decltype(m3), decltype(m4), decltype(m5)>{}, m0, m1, m2, m3, m4, m5);
  } else if constexpr (N == 7) {
    auto &[m0, m1, m2, m3, m4, m5, m6] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2), decltype(m3), decltype(m4), decltype(m5), decltype(m6)>{}, m0, m1, m2, m3, m4, m5, m6);
  } else if constexpr (N == 8) {
    auto &[m0, m1, m2, m3, m4, m5, m6, m7] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2), decltype(m3), decltype(m4), decltype(m5), decltype(m6), decltype(m7)>{}, m0, m1, m2, m3, m4, m5, m6, m7);
  } else if constexpr (N == 9) {
    auto &[m0, m1, m2, m3, m4, m5, m6, m7, m8] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2), decltype(m3), decltype(m4), decltype(m5), decltype(m6), decltype(m7), decltype(m8)>{}, m0, m1, m2, m3, m4, m5, m6, m7, m8);
  } else if constexpr (N == 10) {
    auto &[m0, m1, m2, m3, m4, m5, m6, m7, m8, m9] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2), decltype(m3), decltype(m4), decltype(m5), decltype(m6), decltype(m7), decltype(m8), decltype(m9)>{}, m0, m1, m2, m3, m4, m5, m6, m7, m8, m9);
  } else if constexpr (N == 11) {
    auto &[m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2), decltype(m3), decltype(m4), decltype(m5), decltype(m6), decltype(m7), decltype(m8), decltype(m9), decltype(m10)>{}, m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10);
  } else if constexpr (N == 12) {
    auto &[m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2), decltype(m3), decltype(m4), decltype(m5), decltype(m6), decltype(m7), decltype(m8), decltype(m9), decltype(m10), decltype(m11)>{}, m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11);
  } else if constexpr (N == 13) {
    auto &[m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2), decltype(m3), decltype(m4), decltype(m5), decltype(m6), decltype(m7), decltype(m8), decltype(m9), decltype(m10), decltype(m11), decltype(m12)>{}, m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12);
  } else if constexpr (N == 14) {
    auto &[m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2), decltype(m3), decltype(m4), decltype(m5), decltype(m6), decltype(m7), decltype(m8), decltype(m9), decltype(m10), decltype(m11), decltype(m12), decltype(m13)>{}, m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13);
  } else if constexpr (N == 15) {
    auto &[m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2), decltype(m3), decltype(m4), decltype(m5), decltype(m6), decltype(m7), decltype(m8), decltype(m9), decltype(m10), decltype(m11), decltype(m12), decltype(m13), decltype(m14)>{}, m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14);
  } else if constexpr (N == 16) {
    auto &[m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15] = object;
    return pick<I, WantType>(declared_types<decltype(m0), decltype(m1), decltype(m2), decltype(m3), decltype(m4), decltype(m5), decltype(m6), decltype(m7), decltype(m8), decltype(m9), decltype(m10), decltype(m11), decltype(m12), decltype(m13), decltype(m14), decltype(m15)>{}, m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15);
  }
}

template <std::size_t I, std::size_t N, class E>
decltype(auto) structured_binding(E &object) {
  using Plain = std::remove_cv_t<E>;
  if constexpr (std::is_array_v<Plain>) {
    return (object[I]);
  } else if constexpr (is_tuple_like<Plain>::value) {
    if constexpr (has_member_get<I, E>::value) {
      return object.template get<I>();
    } else {
      using std::get;
      return get<I>(object);
    }
  } else {
    return bind_member<I, N, false>(object);
  }
}

template <std::size_t I, std::size_t N, class E> auto binding_type() {
  using Plain = std::remove_cv_t<E>;
  if constexpr (std::is_array_v<Plain>)
    return binding_type_tag<std::remove_reference_t<decltype(
        std::declval<E &>()[0])>>{};
  else if constexpr (is_tuple_like<Plain>::value)
    return binding_type_tag<std::tuple_element_t<I, E>>{};
  else
    return decltype(bind_member<I, N, true>(std::declval<E &>())){};
}

template <std::size_t I, std::size_t N, class E>
using structured_binding_t = typename decltype(binding_type<I, N, E>())::type;

// The object `auto [a, b] = e;` binds, whose type decltype((e)) is R: e's
// type without reference or cv (an array is not decayed).
template <class R>
using decomposed_t = std::remove_cv_t<std::remove_reference_t<R>>;

// Copies or moves an array into `slot` element by element, as C++ copies
// the array a structured binding binds.
template <class T, class Array> void copy_elements(T &slot, Array &&source) {
  using Element = std::remove_extent_t<T>;
  for (std::size_t i = 0; i < std::extent_v<T>; ++i) {
    if constexpr (std::is_array_v<Element>)
      copy_elements(slot[i], std::forward<Array>(source)[i]);
    else
      ::new (const_cast<void *>(static_cast<const volatile void *>(
          std::addressof(slot[i])))) Element(std::forward<Array>(source)[i]);
  }
}

// Constructs the object of `auto [a, b] = e;` in `slot` from
// make() = (e): an array element by element, anything else from e itself
// (a prvalue without a copy).
template <class T, class Make> void construct_decomposed(T &slot, Make &&make) {
  if constexpr (std::is_array_v<T>) {
    decltype(auto) source = std::forward<Make>(make)();
    copy_elements(slot, std::forward<decltype(source)>(source));
  } else {
    ::new (const_cast<void *>(
        static_cast<const volatile void *>(std::addressof(slot))))
        T(std::forward<Make>(make)());
  }
}

} // namespace detail
} // namespace awaitc
