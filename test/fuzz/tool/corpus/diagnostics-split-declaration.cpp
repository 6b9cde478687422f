#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

void use(int);

AWAITC_ASYNC awaitc::Coro<void> f() {
  struct Point { int x, y; } p{1, 2};
  AWAIT(v(1));
  use(p.x + p.y);
}
