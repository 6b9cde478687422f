#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

template <class T> AWAITC_ASYNC awaitc::Coro<int> f(T p) {
  return AWAIT(v([&] { return p; }()));
}
