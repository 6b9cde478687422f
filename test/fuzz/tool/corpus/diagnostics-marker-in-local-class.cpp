#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> f() {
  struct Local {
    int get() { return AWAIT(v(2)); }
  };
  return Local().get();
}
