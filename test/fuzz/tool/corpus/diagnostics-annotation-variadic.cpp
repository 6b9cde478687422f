#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> sum(int n, ...) {
  return AWAIT(v(n));
}
