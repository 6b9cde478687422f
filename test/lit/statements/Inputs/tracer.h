// Shared helpers for the statement and lifetime tests (not a test itself).
//
// Tracer prints "ctor NAME" when constructed and "dtor NAME" when destroyed;
// it is neither copyable nor movable and has no default constructor, so the
// transformed code must construct it in place exactly where the user wrote
// it. A destroyed Tracer is poisoned: using or destroying it again prints
// "BAD ..." so a double destruction or a use after destruction shows in the
// output. Tracer::live() counts the Tracers alive; the tests print it at the
// end of main() to show that every one was destroyed exactly once.
#pragma once

#include <awaitc/awaitc.h>

#include <cstdio>

class Tracer {
public:
  explicit Tracer(const char *name) { init(name, false, 0); }
  Tracer(const char *name, int index) { init(name, true, index); }
  Tracer(const Tracer &) = delete;
  Tracer(Tracer &&) = delete;
  Tracer &operator=(const Tracer &) = delete;
  Tracer &operator=(Tracer &&) = delete;
  ~Tracer() {
    if (magic_ != kAlive) {
      std::printf("BAD dtor of a dead Tracer %s\n", name_);
      return;
    }
    magic_ = kDead;
    --live();
    std::printf("dtor %s\n", name_);
  }

  // Prints "use NAME" (or a BAD line if the Tracer is not alive).
  void use() const {
    if (magic_ != kAlive)
      std::printf("BAD use of a dead Tracer %s\n", name_);
    else
      std::printf("use %s\n", name_);
  }
  const char *name() const { return name_; }
  int value() const { return value_; }
  void set(int v) { value_ = v; }

  static int &live() {
    static int count = 0;
    return count;
  }

private:
  static constexpr unsigned kAlive = 0x7ace1234u;
  static constexpr unsigned kDead = 0xdeadu;

  void init(const char *name, bool indexed, int index) {
    if (!indexed)
      std::snprintf(name_, sizeof name_, "%s", name);
    else
      std::snprintf(name_, sizeof name_, "%s%d", name, index);
    magic_ = kAlive;
    ++live();
    std::printf("ctor %s\n", name_);
  }

  char name_[32];
  unsigned magic_;
  int value_ = 0;
};

// A condition variable type for `if (Flag f = ...)` / `while (Flag f = ...)`:
// traces its lifetime like Tracer and converts to bool.
class Flag {
public:
  Flag(const char *name, int value) : tracer_(name, value), value_(value) {}
  explicit operator bool() const { return value_ != 0; }
  int value() const { return value_; }
  void use() const { tracer_.use(); }

private:
  Tracer tracer_;
  int value_;
};

// Prints the number of Tracers still alive (must be 0 at the end).
inline void print_live() { std::printf("live %d\n", Tracer::live()); }
