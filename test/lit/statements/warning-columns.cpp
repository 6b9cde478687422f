// Warnings in transformed code land on the user's line AND column: each
// compiler warns about the transformed file at exactly the places clang
// warns about the untransformed one (the oracle), on lines copied before and
// after suspensions, in loops whose counter lives in the frame, in a handler
// that does not suspend inside a try that does, in one that suspends, in an
// else branch and a do-while condition after a block that suspends.
// Unused locals are declared where they do not live across a suspension (a
// local kept in the frame is a member, which nothing warns about unused).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %tools/warning-locations.py --file %s -- %clang-syntax -Wno-error %s > %t/reference.txt
// RUN: FileCheck --check-prefix=REF --input-file=%t/reference.txt %s
// RUN: %awaitc %s -o %t/out.cpp -- -std=c++17 -I%awaitc-include
// RUN: %python %tools/warning-locations.py --file %s -- %cxx-clang -Wno-error -fsyntax-only %t/out.cpp > %t/clang.txt
// RUN: diff %t/reference.txt %t/clang.txt
// RUN: %python %tools/warning-locations.py --file %s -- %cxx-gcc -Wno-error -fsyntax-only %t/out.cpp > %t/gcc.txt
// RUN: diff %t/reference.txt %t/gcc.txt
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

AWAITC_ASYNC awaitc::Coro<int> one() { return 1; }

AWAITC_ASYNC awaitc::Coro<int> body(std::vector<int> v) {
  int total = 0;
  if (total < v.size()) total = 1;
  {
    int unused_before = 3;
  }
  for (int i = 0; i < v.size(); ++i) {
    total += AWAIT(one());
    int unused_after = 4;
      if (i < v.size()) total += 1;
  }
  try {
    int x = AWAIT(one());
    if (x < v.size())
      throw std::runtime_error("x");
  } catch (const std::exception &e) {
    int unused_in_handler = 5;
    std::puts(e.what());
  }
  try {
    throw std::runtime_error("y");
  } catch (const std::exception &e) {
    if (total < v.size())   std::puts(e.what());
    total += AWAIT(one());
    int unused_in_suspending_handler = 6;
  }
  if (AWAIT(one()) > 0) {
    total += 1;
  } else {
    int unused_in_else = 7;
  }
  do {
    total += AWAIT(one());
  } while (total < v.size());
  return total;
}

int main() { std::printf("%d\n", awaitc::run(body({1, 2}))); }

// REF: 27:13 [-Wsign-compare]
// REF-NEXT: 29:9 [-Wunused-variable]
// REF-NEXT: 31:21 [-Wsign-compare]
// REF-NEXT: 33:9 [-Wunused-variable]
// REF-NEXT: 34:13 [-Wsign-compare]
// REF-NEXT: 38:11 [-Wsign-compare]
// REF-NEXT: 41:9 [-Wunused-variable]
// REF-NEXT: 47:15 [-Wsign-compare]
// REF-NEXT: 49:9 [-Wunused-variable]
// REF-NEXT: 54:9 [-Wunused-variable]
// REF-NEXT: 58:18 [-Wsign-compare]
