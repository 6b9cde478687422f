#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> f() try {
  return AWAIT(v(1));
} catch (...) {
  return 0;
}
