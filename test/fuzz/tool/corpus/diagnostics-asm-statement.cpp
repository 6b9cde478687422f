#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

void use(int);

AWAITC_ASYNC awaitc::Coro<void> f() {
  int out;
  asm("mov %1, %0" : "=r"(out) : "r"(AWAIT(v(1))));
  use(out);
}
