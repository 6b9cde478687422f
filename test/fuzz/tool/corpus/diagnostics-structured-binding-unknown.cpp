#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

template <class Pair> AWAITC_ASYNC awaitc::Coro<int> sum(Pair pair) {
  auto [first, second] = pair;
  AWAIT(v(1));
  return first + second;
}
