#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

int plain() {
  int x = 1 + AWAIT(v(1));
  return x;
}

void plain_yield() {
  YIELD(1);
}
