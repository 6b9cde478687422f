// Every way out of an AWAIT_EACH loop destroys the generator the loop owns,
// after the loop variable and the body's locals, with the generator's own
// live locals destroyed in reverse order (as aclose() runs its finally
// blocks): break, continue (which does not leave), return, an exception,
// goto out of the loop, and the end of the generator. A generator that
// ends by itself has destroyed its locals before the loop ends.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include "../statements/Inputs/tracer.h"

#include <stdexcept>

AWAITC_ASYNC awaitc::AsyncGenerator<int> gen(const char *name, int n) {
  Tracer outer(name);
  for (int i = 0; i < n; ++i) {
    Tracer inner("item", i);
    AWAIT(awaitc::sleep(0));
    YIELD(i);
  }
  std::printf("%s ends\n", name);
}

AWAITC_ASYNC awaitc::Coro<int> by_return() {
  Tracer before("before-loop");
  for (int v : AWAIT_EACH(gen("ret", 5))) {
    Tracer body("body", v);
    if (v == 1)
      return v;
  }
  return -1;
}

AWAITC_ASYNC awaitc::Coro<void> by_throw() {
  for (const int &v : AWAIT_EACH(gen("throw", 5))) {
    Tracer body("body", v);
    AWAIT(awaitc::sleep(0));
    if (v == 1)
      throw std::runtime_error("out");
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("-- break\n");
  for (int v : AWAIT_EACH(gen("brk", 5))) {
    Tracer body("body", v);
    if (v == 1)
      break;
  }
  std::printf("-- continue\n");
  for (int v : AWAIT_EACH(gen("cont", 3))) {
    Tracer body("body", v);
    if (v != 1)
      continue;
    std::printf("body 1 goes on\n");
  }
  std::printf("-- return\n");
  std::printf("returned %d\n", AWAIT(by_return()));
  std::printf("-- throw\n");
  try {
    AWAIT(by_throw());
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
  }
  std::printf("-- goto\n");
  for (int v : AWAIT_EACH(gen("goto", 5))) {
    Tracer body("body", v);
    if (v == 2)
      goto out;
  }
  std::printf("not reached\n");
out:
  std::printf("-- end\n");
  for (int v : AWAIT_EACH(gen("end", 2))) {
    Tracer body("body", v);
  }
  std::printf("after end\n");
}

int main() {
  awaitc::run(main_coro());
  print_live();
}

// CHECK: -- break
// CHECK-NEXT: ctor brk
// CHECK-NEXT: ctor item0
// CHECK-NEXT: ctor body0
// CHECK-NEXT: dtor body0
// CHECK-NEXT: dtor item0
// CHECK-NEXT: ctor item1
// CHECK-NEXT: ctor body1
// CHECK-NEXT: dtor body1
// CHECK-NEXT: dtor item1
// CHECK-NEXT: dtor brk
// CHECK-NEXT: -- continue
// CHECK-NEXT: ctor cont
// CHECK-NEXT: ctor item0
// CHECK-NEXT: ctor body0
// CHECK-NEXT: dtor body0
// CHECK-NEXT: dtor item0
// CHECK-NEXT: ctor item1
// CHECK-NEXT: ctor body1
// CHECK-NEXT: body 1 goes on
// CHECK-NEXT: dtor body1
// CHECK-NEXT: dtor item1
// CHECK-NEXT: ctor item2
// CHECK-NEXT: ctor body2
// CHECK-NEXT: dtor body2
// CHECK-NEXT: dtor item2
// CHECK-NEXT: cont ends
// CHECK-NEXT: dtor cont
// CHECK-NEXT: -- return
// CHECK-NEXT: ctor before-loop
// CHECK-NEXT: ctor ret
// CHECK-NEXT: ctor item0
// CHECK-NEXT: ctor body0
// CHECK-NEXT: dtor body0
// CHECK-NEXT: dtor item0
// CHECK-NEXT: ctor item1
// CHECK-NEXT: ctor body1
// CHECK-NEXT: dtor body1
// CHECK-NEXT: dtor item1
// CHECK-NEXT: dtor ret
// CHECK-NEXT: dtor before-loop
// CHECK-NEXT: returned 1
// CHECK-NEXT: -- throw
// CHECK-NEXT: ctor throw
// CHECK-NEXT: ctor item0
// CHECK-NEXT: ctor body0
// CHECK-NEXT: dtor body0
// CHECK-NEXT: dtor item0
// CHECK-NEXT: ctor item1
// CHECK-NEXT: ctor body1
// CHECK-NEXT: dtor body1
// CHECK-NEXT: dtor item1
// CHECK-NEXT: dtor throw
// CHECK-NEXT: caught out
// CHECK-NEXT: -- goto
// CHECK-NEXT: ctor goto
// CHECK-NEXT: ctor item0
// CHECK-NEXT: ctor body0
// CHECK-NEXT: dtor body0
// CHECK-NEXT: dtor item0
// CHECK-NEXT: ctor item1
// CHECK-NEXT: ctor body1
// CHECK-NEXT: dtor body1
// CHECK-NEXT: dtor item1
// CHECK-NEXT: ctor item2
// CHECK-NEXT: ctor body2
// CHECK-NEXT: dtor body2
// CHECK-NEXT: dtor item2
// CHECK-NEXT: dtor goto
// CHECK-NEXT: -- end
// CHECK-NEXT: ctor end
// CHECK-NEXT: ctor item0
// CHECK-NEXT: ctor body0
// CHECK-NEXT: dtor body0
// CHECK-NEXT: dtor item0
// CHECK-NEXT: ctor item1
// CHECK-NEXT: ctor body1
// CHECK-NEXT: dtor body1
// CHECK-NEXT: dtor item1
// CHECK-NEXT: end ends
// CHECK-NEXT: dtor end
// CHECK-NEXT: after end
// CHECK-NEXT: live 0
