#include <awaitc/awaitc.h>

#include <typeinfo>

AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<int> f() {
  int a = sizeof(AWAIT(v(1)));
  decltype(AWAIT(v(2))) b = 2;
  bool c = noexcept(AWAIT(v(3)));
  const char *d = typeid(AWAIT(v(4))).name();
  return a + b + c + (d != nullptr);
}
