// try blocks inside loops, with AWAIT in the try block and in the handler:
// each iteration's locals (the loop's, the try block's) are destroyed
// before the handler runs, exactly once, and the loop goes on after the
// handler; `continue` and `break` inside the try block leave it properly.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

#include <stdexcept>

AWAITC_ASYNC awaitc::Coro<int> step(int i) {
  AWAIT(awaitc::sleep(0));
  if (i % 2 == 1)
    throw std::runtime_error("odd " + std::to_string(i));
  return i * 10;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  for (int i = 0; i < 6; ++i) {
    Tracer it("iter", i);
    try {
      Tracer in("try", i);
      if (i == 4)
        continue;
      int v = AWAIT(step(i));
      std::printf("value %d\n", v);
      if (i == 5)
        break;
    } catch (const std::runtime_error &e) {
      std::printf("caught %s\n", e.what());
      AWAIT(awaitc::sleep(0));
      it.use();
      std::printf("still %s\n", e.what());
      if (i == 5)
        break;
    }
    std::printf("end of iteration %d\n", i);
  }
  int n = 0;
  while (n < 3) {
    try {
      Tracer w("while", n);
      ++n;
      AWAIT(awaitc::sleep(0));
      if (n == 2)
        throw n;
    } catch (int k) {
      std::printf("caught int %d\n", k);
    }
  }
  std::printf("done\n");
}

int main() {
  awaitc::run(main_coro());
  print_live();
}

// CHECK: ctor iter0
// CHECK-NEXT: ctor try0
// CHECK-NEXT: value 0
// CHECK-NEXT: dtor try0
// CHECK-NEXT: end of iteration 0
// CHECK-NEXT: dtor iter0
// CHECK-NEXT: ctor iter1
// CHECK-NEXT: ctor try1
// CHECK-NEXT: dtor try1
// CHECK-NEXT: caught odd 1
// CHECK-NEXT: use iter1
// CHECK-NEXT: still odd 1
// CHECK-NEXT: end of iteration 1
// CHECK-NEXT: dtor iter1
// CHECK-NEXT: ctor iter2
// CHECK-NEXT: ctor try2
// CHECK-NEXT: value 20
// CHECK-NEXT: dtor try2
// CHECK-NEXT: end of iteration 2
// CHECK-NEXT: dtor iter2
// CHECK-NEXT: ctor iter3
// CHECK-NEXT: ctor try3
// CHECK-NEXT: dtor try3
// CHECK-NEXT: caught odd 3
// CHECK-NEXT: use iter3
// CHECK-NEXT: still odd 3
// CHECK-NEXT: end of iteration 3
// CHECK-NEXT: dtor iter3
// CHECK-NEXT: ctor iter4
// CHECK-NEXT: ctor try4
// CHECK-NEXT: dtor try4
// CHECK-NEXT: dtor iter4
// CHECK-NEXT: ctor iter5
// CHECK-NEXT: ctor try5
// CHECK-NEXT: dtor try5
// CHECK-NEXT: caught odd 5
// CHECK-NEXT: use iter5
// CHECK-NEXT: still odd 5
// CHECK-NEXT: dtor iter5
// CHECK-NEXT: ctor while0
// CHECK-NEXT: dtor while0
// CHECK-NEXT: ctor while1
// CHECK-NEXT: dtor while1
// CHECK-NEXT: caught int 2
// CHECK-NEXT: ctor while2
// CHECK-NEXT: dtor while2
// CHECK-NEXT: done
// CHECK-NEXT: live 0
// CHECK-EMPTY:
