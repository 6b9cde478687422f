// try statements nested three deep, with AWAIT at every level (in the try
// blocks and in the handlers): each exception is caught by the innermost
// handler that matches, after the locals of the blocks it leaves are
// destroyed; handlers that suspend rethrow to the next level out.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

#include <stdexcept>
#include <string>

struct Level1 : std::runtime_error { using std::runtime_error::runtime_error; };
struct Level2 : std::runtime_error { using std::runtime_error::runtime_error; };

AWAITC_ASYNC awaitc::Coro<void> fail(int which) {
  AWAIT(awaitc::sleep(0));
  if (which == 1)
    throw Level1("one");
  if (which == 2)
    throw Level2("two");
  if (which == 3)
    throw 3;
}

AWAITC_ASYNC awaitc::Coro<void> run_case(int which) {
  std::printf("case %d\n", which);
  try {
    Tracer a("a", which);
    AWAIT(awaitc::sleep(0));
    try {
      Tracer b("b", which);
      AWAIT(awaitc::sleep(0));
      try {
        Tracer c("c", which);
        AWAIT(fail(which));
        std::printf("no throw\n");
      } catch (const int &k) {
        std::printf("level 3 caught %d\n", k);
        AWAIT(awaitc::sleep(0));
        b.use();
      }
      AWAIT(awaitc::sleep(0));
      std::printf("after level 3\n");
    } catch (const Level2 &e) {
      std::printf("level 2 caught %s\n", e.what());
      AWAIT(awaitc::sleep(0));
      a.use();
      throw;
    }
    std::printf("after level 2\n");
  } catch (const std::runtime_error &e) {
    std::printf("level 1 caught %s\n", e.what());
    AWAIT(awaitc::sleep(0));
    std::printf("level 1 still %s\n", e.what());
  }
  std::printf("end case %d\n", which);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  for (int which = 0; which < 4; ++which)
    AWAIT(run_case(which));
}

int main() {
  awaitc::run(main_coro());
  print_live();
}

// CHECK: case 0
// CHECK-NEXT: ctor a0
// CHECK-NEXT: ctor b0
// CHECK-NEXT: ctor c0
// CHECK-NEXT: no throw
// CHECK-NEXT: dtor c0
// CHECK-NEXT: after level 3
// CHECK-NEXT: dtor b0
// CHECK-NEXT: after level 2
// CHECK-NEXT: dtor a0
// CHECK-NEXT: end case 0
// CHECK-NEXT: case 1
// CHECK-NEXT: ctor a1
// CHECK-NEXT: ctor b1
// CHECK-NEXT: ctor c1
// CHECK-NEXT: dtor c1
// CHECK-NEXT: dtor b1
// CHECK-NEXT: dtor a1
// CHECK-NEXT: level 1 caught one
// CHECK-NEXT: level 1 still one
// CHECK-NEXT: end case 1
// CHECK-NEXT: case 2
// CHECK-NEXT: ctor a2
// CHECK-NEXT: ctor b2
// CHECK-NEXT: ctor c2
// CHECK-NEXT: dtor c2
// CHECK-NEXT: dtor b2
// CHECK-NEXT: level 2 caught two
// CHECK-NEXT: use a2
// CHECK-NEXT: dtor a2
// CHECK-NEXT: level 1 caught two
// CHECK-NEXT: level 1 still two
// CHECK-NEXT: end case 2
// CHECK-NEXT: case 3
// CHECK-NEXT: ctor a3
// CHECK-NEXT: ctor b3
// CHECK-NEXT: ctor c3
// CHECK-NEXT: dtor c3
// CHECK-NEXT: level 3 caught 3
// CHECK-NEXT: use b3
// CHECK-NEXT: after level 3
// CHECK-NEXT: dtor b3
// CHECK-NEXT: after level 2
// CHECK-NEXT: dtor a3
// CHECK-NEXT: end case 3
// CHECK-NEXT: live 0
// CHECK-EMPTY:
