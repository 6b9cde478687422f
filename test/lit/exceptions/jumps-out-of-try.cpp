// break, continue and return out of a try block (and out of a handler)
// after a suspension: the locals of the blocks left are destroyed in reverse
// order, exactly once, and no handler runs.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

#include <stdexcept>

AWAITC_ASYNC awaitc::Coro<int> find(int target) {
  Tracer f("find", target);
  for (int i = 0;; ++i) {
    Tracer it("it", i);
    try {
      Tracer t("t", i);
      AWAIT(awaitc::sleep(0));
      if (i == 0)
        continue;
      if (i == target)
        return i * 100;
      if (i == 2)
        break;
      throw std::runtime_error("miss");
    } catch (const std::runtime_error &) {
      Tracer h("h", i);
      AWAIT(awaitc::sleep(0));
      if (target == 7)
        return -7;
      continue;
    }
  }
  return -1;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("result %d\n", AWAIT(find(1)));
  std::printf("result %d\n", AWAIT(find(2)));
  std::printf("result %d\n", AWAIT(find(5)));
  std::printf("result %d\n", AWAIT(find(7)));
}

int main() {
  awaitc::run(main_coro());
  print_live();
}

// CHECK: ctor find1
// CHECK-NEXT: ctor it0
// CHECK-NEXT: ctor t0
// CHECK-NEXT: dtor t0
// CHECK-NEXT: dtor it0
// CHECK-NEXT: ctor it1
// CHECK-NEXT: ctor t1
// CHECK-NEXT: dtor t1
// CHECK-NEXT: dtor it1
// CHECK-NEXT: dtor find1
// CHECK-NEXT: result 100
// CHECK-NEXT: ctor find2
// CHECK-NEXT: ctor it0
// CHECK-NEXT: ctor t0
// CHECK-NEXT: dtor t0
// CHECK-NEXT: dtor it0
// CHECK-NEXT: ctor it1
// CHECK-NEXT: ctor t1
// CHECK-NEXT: dtor t1
// CHECK-NEXT: ctor h1
// CHECK-NEXT: dtor h1
// CHECK-NEXT: dtor it1
// CHECK-NEXT: ctor it2
// CHECK-NEXT: ctor t2
// CHECK-NEXT: dtor t2
// CHECK-NEXT: dtor it2
// CHECK-NEXT: dtor find2
// CHECK-NEXT: result 200
// CHECK-NEXT: ctor find5
// CHECK-NEXT: ctor it0
// CHECK-NEXT: ctor t0
// CHECK-NEXT: dtor t0
// CHECK-NEXT: dtor it0
// CHECK-NEXT: ctor it1
// CHECK-NEXT: ctor t1
// CHECK-NEXT: dtor t1
// CHECK-NEXT: ctor h1
// CHECK-NEXT: dtor h1
// CHECK-NEXT: dtor it1
// CHECK-NEXT: ctor it2
// CHECK-NEXT: ctor t2
// CHECK-NEXT: dtor t2
// CHECK-NEXT: dtor it2
// CHECK-NEXT: dtor find5
// CHECK-NEXT: result -1
// CHECK-NEXT: ctor find7
// CHECK-NEXT: ctor it0
// CHECK-NEXT: ctor t0
// CHECK-NEXT: dtor t0
// CHECK-NEXT: dtor it0
// CHECK-NEXT: ctor it1
// CHECK-NEXT: ctor t1
// CHECK-NEXT: dtor t1
// CHECK-NEXT: ctor h1
// CHECK-NEXT: dtor h1
// CHECK-NEXT: dtor it1
// CHECK-NEXT: dtor find7
// CHECK-NEXT: result -7
// CHECK-NEXT: live 0
// CHECK-EMPTY:
