// Exceptions from an awaited Task and an awaited Coro are caught in the
// awaiter with C++'s own matching: by reference to a base class, by const
// reference, by pointer-free value types through catch(...), and the most
// derived handler listed first wins; a handler that does not match passes
// the exception on to an enclosing try.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

struct Base : std::runtime_error {
  using std::runtime_error::runtime_error;
  virtual const char *kind() const { return "Base"; }
};
struct Derived : Base {
  using Base::Base;
  const char *kind() const override { return "Derived"; }
};
struct Plain { int value; };

AWAITC_ASYNC awaitc::Coro<int> thrower(int which) {
  AWAIT(awaitc::sleep(0));
  switch (which) {
  case 0: throw Derived("derived");
  case 1: throw Base("base");
  case 2: throw Plain{42};
  case 3: throw std::out_of_range("range");
  case 4: throw 7;
  }
  return which;
}

AWAITC_ASYNC awaitc::Coro<void> classify(int which) {
  awaitc::Task<int> task = awaitc::create_task(thrower(which));
  try {
    try {
      int v = AWAIT(task);
      std::printf("%d: value %d\n", which, v);
    } catch (Base &e) {
      AWAIT(awaitc::sleep(0));
      std::printf("%d: Base& caught %s (%s)\n", which, e.what(), e.kind());
    } catch (const Plain &p) {
      AWAIT(awaitc::sleep(0));
      std::printf("%d: const Plain& caught %d\n", which, p.value);
    } catch (const std::logic_error &e) {
      std::printf("%d: logic_error caught %s\n", which, e.what());
    }
  } catch (...) {
    AWAIT(awaitc::sleep(0));
    std::printf("%d: outer catch(...)\n", which);
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  for (int which = 0; which < 6; ++which)
    AWAIT(classify(which));
  // The same through a Coro awaited inline.
  try {
    AWAIT(thrower(0));
  } catch (const std::exception &e) {
    std::printf("coro: std::exception caught %s, is Derived %d\n", e.what(),
                dynamic_cast<const Derived *>(&e) != nullptr);
  }
}

int main() { awaitc::run(main_coro()); }

// CHECK: 0: Base& caught derived (Derived)
// CHECK-NEXT: 1: Base& caught base (Base)
// CHECK-NEXT: 2: const Plain& caught 42
// CHECK-NEXT: 3: logic_error caught range
// CHECK-NEXT: 4: outer catch(...)
// CHECK-NEXT: 5: value 5
// CHECK-NEXT: coro: std::exception caught derived, is Derived 1
// CHECK-EMPTY:
