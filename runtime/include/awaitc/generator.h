// awaitc/generator.h - Generator<T>: what a YIELD-ing function returns.
//
// Like a Python generator: lazy, move-only, and a C++ input range, so
// `for (T v : gen())` runs the body to each YIELD in turn. Breaking out of
// the loop (or dropping the generator) destroys the suspended body's live
// locals in reverse order, exactly once. An exception thrown by the body
// propagates out of the iterator's ++ (or begin()).
#pragma once

#include <awaitc/detail/coroutine_frame.h> // C++20: the promise type
#include <awaitc/detail/frame.h>
#include <awaitc/yield_check.h>

#include <cassert>
#include <cstddef>
#include <iterator>
#include <memory>
#include <utility>

namespace awaitc {

template <class T> class Generator {
public:
  using frame_type = detail::GeneratorFrame<T>;
  using value_type = typename frame_type::awaitc_value_type;
  using reference = typename frame_type::awaitc_reference;

  class sentinel {};

  class iterator {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Generator::value_type;
    using difference_type = std::ptrdiff_t;
    using reference = Generator::reference;
    using pointer = std::add_pointer_t<reference>;

    iterator() noexcept = default;
    explicit iterator(frame_type *frame) noexcept : frame_(frame) {}

    reference operator*() const noexcept { return frame_->awaitc_current(); }
    pointer operator->() const noexcept {
      return std::addressof(frame_->awaitc_current());
    }
    iterator &operator++() {
      if (!frame_->awaitc_advance())
        frame_ = nullptr;
      return *this;
    }
    void operator++(int) { ++*this; }

    friend bool operator==(const iterator &it, sentinel) noexcept {
      return it.frame_ == nullptr;
    }
    friend bool operator!=(const iterator &it, sentinel s) noexcept {
      return !(it == s);
    }
    friend bool operator==(sentinel s, const iterator &it) noexcept {
      return it == s;
    }
    friend bool operator!=(sentinel s, const iterator &it) noexcept {
      return !(it == s);
    }

  private:
    frame_type *frame_ = nullptr;
  };

  Generator() noexcept = default;
  Generator(Generator &&) noexcept = default;
  Generator &operator=(Generator &&) noexcept = default;
  explicit Generator(std::unique_ptr<frame_type> frame) noexcept
      : frame_(std::move(frame)) {}
  // YIELD(x) before the transform (awaitc/yield_check.h): x must convert
  // to T.
  template <class U, markers::if_yieldable<T, U> = 0>
  Generator(markers::yielded<U> &&) noexcept {}
  template <class U, markers::if_not_yieldable<T, U> = 0>
  AWAITC_DETAIL_NOT_YIELDABLE Generator(markers::yielded<U> &&);

  // Runs the body to its first YIELD.
  iterator begin() {
    assert(frame_ && "iterating an empty or moved-from Generator");
    if (!frame_->awaitc_started() && !frame_->awaitc_advance())
      return iterator();
    return frame_->awaitc_done() ? iterator() : iterator(frame_.get());
  }
  sentinel end() const noexcept { return {}; }

  // Python's next(): the next value, or false at the end.
  bool next() { return frame_->awaitc_advance(); }
  reference value() const noexcept { return frame_->awaitc_current(); }

  frame_type *frame() const noexcept { return frame_.get(); }

private:
  std::unique_ptr<frame_type> frame_;
};

} // namespace awaitc
