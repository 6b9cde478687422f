// `throw;` after an AWAIT in a handler rethrows the same exception object:
// the outer handler sees the address the inner handler saw, no copy of the
// exception is made (the copy counter stays 0), and the object stays valid
// (and mutable, through a non-const reference) across the suspensions.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

struct Error {
  explicit Error(int c) : code(c) {}
  Error(const Error &other) : code(other.code) { ++copies; }
  int code;
  static int copies;
};
int Error::copies = 0;

const void *seen = nullptr;

AWAITC_ASYNC awaitc::Coro<void> inner() {
  try {
    Tracer t("try");
    AWAIT(awaitc::sleep(0));
    throw Error(1);
  } catch (Error &e) {
    seen = &e;
    Tracer h("handler");
    AWAIT(awaitc::sleep(0));
    e.code += 10;
    AWAIT(awaitc::sleep(0));
    std::printf("inner same %d code %d\n", &e == seen, e.code);
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  try {
    AWAIT(inner());
  } catch (const Error &e) {
    std::printf("outer same %d code %d copies %d\n", &e == seen, e.code,
                Error::copies);
    AWAIT(awaitc::sleep(0));
    std::printf("outer still same %d\n", &e == seen);
  }
  // Rethrown out of a task, through AWAIT(task): still the same object.
  awaitc::Task<void> t = awaitc::create_task(inner());
  try {
    AWAIT(t);
  } catch (Error &e) {
    std::printf("task same %d code %d copies %d\n", &e == seen, e.code,
                Error::copies);
  }
}

int main() {
  awaitc::run(main_coro());
  print_live();
}

// CHECK: ctor try
// CHECK-NEXT: dtor try
// CHECK-NEXT: ctor handler
// CHECK-NEXT: inner same 1 code 11
// CHECK-NEXT: dtor handler
// CHECK-NEXT: outer same 1 code 11 copies 0
// CHECK-NEXT: outer still same 1
// CHECK-NEXT: ctor try
// CHECK-NEXT: dtor try
// CHECK-NEXT: ctor handler
// CHECK-NEXT: inner same 1 code 11
// CHECK-NEXT: dtor handler
// CHECK-NEXT: task same 1 code 11 copies 0
// CHECK-NEXT: live 0
// CHECK-EMPTY:
