#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

template <bool Wait> AWAITC_ASYNC awaitc::Coro<int> f() {
  if constexpr (Wait) {
    return AWAIT(v(1));
  }
  return 0;
}
