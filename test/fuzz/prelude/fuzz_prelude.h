// fuzz_prelude.h - what every generated differential-fuzzing program includes.
//
// Everything here prints deterministically, so that the state-machine builds
// and the C++20 oracle of one program can be compared line by line:
//
//  - T is a tracer: constructing one prints "+T<id>:<value>", copying prints
//    "=T<id>:<value>" (a copy is a new object, so C++ says when it happens),
//    destroying prints "-T<id>". A move transfers the object's identity
//    silently and leaves the source hollow (its destruction prints nothing):
//    how often a value is moved is the implementation's business, when it
//    dies is not. A dead tracer is poisoned; using or destroying it again
//    prints a "BAD" line, so a use after destruction (or the destruction of
//    a tracer never constructed) shows in the output even without a
//    sanitizer.
//  - side(k, v) prints "s<k>:<v>" and returns v: a visible side effect.
//  - Log() << a << b prints a line of values in C++17's left-to-right order.
//  - fz_finish() prints how many tracers are alive (0 when all is well).
#pragma once

#include <awaitc/awaitc.h>

#include <cstdio>
#include <type_traits>
#include <utility>
#include <vector>

namespace fz {

inline int &live_count() {
  static int count = 0;
  return count;
}
inline int &next_id() {
  static int id = 0;
  return id;
}

class T {
public:
  explicit T(int value) : id_(++next_id()), value_(value) { born("+"); }
  T(int a, int b) : id_(++next_id()), value_(a * 10 + b) { born("+"); }
  T(const T &other) : id_(++next_id()), value_(other.get()) { born("="); }
  T(T &&other) noexcept
      : id_(other.id_), value_(other.value_), state_(other.state_) {
    if (other.state_ == kDead)
      std::printf("BAD move from dead T%d\n", other.id_);
    other.state_ = kHollow;
  }
  T &operator=(const T &other) {
    check("assign to");
    value_ = other.get();
    std::printf("T%d=%d\n", id_, value_);
    return *this;
  }
  T &operator=(T &&other) noexcept {
    check("move-assign to");
    value_ = other.get();
    std::printf("T%d=%d\n", id_, value_);
    return *this;
  }
  ~T() {
    if (state_ == kDead) {
      std::printf("BAD dtor of dead T%d\n", id_);
      return;
    }
    if (state_ != kAlive && state_ != kHollow) {
      std::printf("BAD dtor of a T never constructed\n");
      return;
    }
    if (state_ == kAlive) {
      --live_count();
      std::printf("-T%d\n", id_);
    }
    state_ = kDead;
  }
  int get() const {
    check("use of");
    return value_;
  }
  int val() const { return get(); }
  T &add(int v) {
    check("add to");
    value_ = (value_ + v) % 1000;
    return *this;
  }

private:
  static constexpr unsigned kAlive = 0x7ace1234u;
  static constexpr unsigned kHollow = 0x40110u;
  static constexpr unsigned kDead = 0xdead0u;
  void born(const char *how) {
    ++live_count();
    std::printf("%sT%d:%d\n", how, id_, value_);
  }
  void check(const char *what) const {
    if (state_ != kAlive)
      std::printf("BAD %s %s T\n", what,
                  state_ == kDead     ? "dead"
                  : state_ == kHollow ? "hollow"
                                      : "unconstructed");
  }
  int id_;
  int value_;
  unsigned state_ = kAlive;
};

struct Err {
  int v;
};

struct Pair {
  int a;
  int b;
};

inline int side(int k, int v) {
  std::printf("s%d:%d\n", k, v);
  return v;
}

inline void P(const char *what, int v) { std::printf("%s %d\n", what, v); }

inline int vsum_now(const std::vector<int> &xs) {
  int total = 0;
  for (int x : xs)
    total += x;
  return total % 1000;
}

class Log {
public:
  Log() { std::printf("log"); }
  Log(const Log &) = delete;
  ~Log() { std::printf("\n"); }
  const Log &operator<<(int v) const {
    std::printf(" %d", v);
    return *this;
  }
};

inline void fz_finish() { std::printf("live %d\n", live_count()); }

} // namespace fz
