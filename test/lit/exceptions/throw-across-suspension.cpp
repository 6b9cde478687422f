// An exception thrown after a suspension, from a nested awaited coroutine
// two levels down, propagates through each AWAIT; the locals of every frame
// and block it leaves are destroyed innermost first before the handler
// runs; a handler that does not match lets it pass; one thrown while a
// previous exception is handled (in a suspending handler) replaces it.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

#include <stdexcept>
#include <string>

AWAITC_ASYNC awaitc::Coro<int> deepest(int n) {
  Tracer d("deepest", n);
  AWAIT(awaitc::sleep(0));
  if (n > 0)
    throw std::runtime_error("from deepest " + std::to_string(n));
  return n;
}

AWAITC_ASYNC awaitc::Coro<int> middle(int n) {
  Tracer m("middle", n);
  try {
    Tracer t("middle-try", n);
    return AWAIT(deepest(n)) + 1;
  } catch (const std::length_error &) {
    std::printf("wrong handler\n");
    return -1;
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  try {
    Tracer a("main-try");
    int v = AWAIT(middle(0));
    std::printf("v %d\n", v);
    v = AWAIT(middle(2));
    std::printf("not reached %d\n", v);
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
    try {
      AWAIT(awaitc::sleep(0));
      throw std::logic_error(std::string("while handling ") + e.what());
    } catch (const std::logic_error &inner) {
      AWAIT(awaitc::sleep(0));
      std::printf("caught %s; outer still %s\n", inner.what(), e.what());
    }
  }
}

int main() {
  awaitc::run(main_coro());
  print_live();
}

// CHECK: ctor main-try
// CHECK-NEXT: ctor middle0
// CHECK-NEXT: ctor middle-try0
// CHECK-NEXT: ctor deepest0
// CHECK-NEXT: dtor deepest0
// CHECK-NEXT: dtor middle-try0
// CHECK-NEXT: dtor middle0
// CHECK-NEXT: v 1
// CHECK-NEXT: ctor middle2
// CHECK-NEXT: ctor middle-try2
// CHECK-NEXT: ctor deepest2
// CHECK-NEXT: dtor deepest2
// CHECK-NEXT: dtor middle-try2
// CHECK-NEXT: dtor middle2
// CHECK-NEXT: dtor main-try
// CHECK-NEXT: caught from deepest 2
// CHECK-NEXT: caught while handling from deepest 2; outer still from deepest 2
// CHECK-NEXT: live 0
// CHECK-EMPTY:
