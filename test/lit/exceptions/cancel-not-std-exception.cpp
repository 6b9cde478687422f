// CancelledError does not derive from std::exception (asyncio's derives
// from BaseException): it passes through `catch (const std::exception &)`,
// even a handler that would suspend, and through a handler for another
// type, to the catch (const awaitc::CancelledError &) further out; the
// task that lets it escape ends cancelled. The Python twin uses
// `except Exception`.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t --expect-python %S/Inputs/cancel-not-std-exception.py %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

#include <exception>
#include <stdexcept>

AWAITC_ASYNC awaitc::Coro<void> guarded(int id) {
  Tracer g("guarded", id);
  try {
    try {
      Tracer t("inner-try", id);
      AWAIT(awaitc::sleep(5));
    } catch (const std::runtime_error &) {
      std::printf("runtime_error handler\n");
    } catch (const std::exception &e) {
      std::printf("std::exception handler: %s\n", e.what());
      AWAIT(awaitc::sleep(0));
    }
    std::printf("not reached\n");
  } catch (const awaitc::CancelledError &) {
    std::printf("guarded %d sees CancelledError\n", id);
    AWAIT(awaitc::sleep(0));
    std::printf("guarded %d rethrows\n", id);
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<void> t = awaitc::create_task(guarded(1));
  AWAIT(awaitc::sleep(1));
  std::printf("cancel %d\n", t.cancel());
  try {
    AWAIT(t);
  } catch (const std::exception &) {
    std::printf("not reached: std::exception\n");
  } catch (const awaitc::CancelledError &) {
    std::printf("main: CancelledError, cancelled %d\n", t.cancelled());
  }
}

int main() {
  awaitc::RunOptions options;
  options.virtual_time = true;
  awaitc::run(main_coro(), options);
  print_live();
}

// CHECK: ctor guarded1
// CHECK-NEXT: ctor inner-try1
// CHECK-NEXT: cancel 1
// CHECK-NEXT: dtor inner-try1
// CHECK-NEXT: guarded 1 sees CancelledError
// CHECK-NEXT: guarded 1 rethrows
// CHECK-NEXT: dtor guarded1
// CHECK-NEXT: main: CancelledError, cancelled 1
// CHECK-NEXT: live 0
// CHECK-EMPTY:
