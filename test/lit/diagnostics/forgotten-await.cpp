// A forgotten AWAIT is not silent: Coro, Task and the runtime's awaitables
// (sleep, wait_for) are [[nodiscard]], so dropping one is a warning, in the
// untransformed source (Clang, clangd; the tool warns too) and in the
// tool's output (g++). `(void)` says that it is meant, and then both
// compilers accept the output under -Werror.
// RUN: not %clang-syntax %s 2>&1 | FileCheck %s --check-prefix=CLANG --implicit-check-not=error:
// RUN: %awaitc %s -o %t.cpp -- -std=c++17 -I%awaitc-include
// RUN: not %cxx-gcc -c %t.cpp -o %t.o 2>&1 | FileCheck %s --check-prefix=GCC
// RUN: %awaitc %s -o %t.intended.cpp -- -std=c++17 -I%awaitc-include -DINTENDED
// RUN: %cxx-gcc -c %t.intended.cpp -o %t.o
// RUN: %cxx-clang -c %t.intended.cpp -o %t.o
#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> save(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> f(awaitc::Task<int> task) {
#ifndef INTENDED
  save(1);
  // CLANG: forgotten-await.cpp:[[@LINE-1]]:3: error: ignoring return value of function declared with 'nodiscard' attribute
  // GCC: forgotten-await.cpp:[[@LINE-2]]:{{[0-9]+}}: error: ignoring returned value of type {{.+}}awaitc::Coro<int>{{.+}} declared with attribute {{.+}}nodiscard
  awaitc::sleep(1);
  // CLANG: forgotten-await.cpp:[[@LINE-1]]:3: error: ignoring return value of function declared with 'nodiscard' attribute
  // GCC: forgotten-await.cpp:[[@LINE-2]]:{{[0-9]+}}: error: ignoring returned value of type {{.+}}awaitc::SleepAwaiter{{.+}} declared with attribute {{.+}}nodiscard
  awaitc::wait_for(task, 1.0);
  // CLANG: forgotten-await.cpp:[[@LINE-1]]:3: error: ignoring return value of function declared with 'nodiscard' attribute
  // GCC: forgotten-await.cpp:[[@LINE-2]]:{{[0-9]+}}: error: ignoring returned value of type {{.+}}awaitc::WaitForAwaiter<int, false>{{.+}} declared with attribute {{.+}}nodiscard
  awaitc::create_task(save(2));
  // CLANG: forgotten-await.cpp:[[@LINE-1]]:3: error: ignoring return value of function declared with 'nodiscard' attribute
  // GCC: forgotten-await.cpp:[[@LINE-2]]:{{[0-9]+}}: error: ignoring returned value of type {{.+}}awaitc::Task<int>{{.+}} declared with attribute {{.+}}nodiscard
#else
  (void)awaitc::create_task(save(2));
#endif
  AWAIT(task);
}
