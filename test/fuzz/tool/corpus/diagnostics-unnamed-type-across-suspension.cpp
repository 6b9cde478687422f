#include <awaitc/awaitc.h>

#include <utility>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

void use(int);

AWAITC_ASYNC awaitc::Coro<void> closure() {
  auto pair = std::make_pair([](int y) { return 2 * y; }, 1);
  AWAIT(v(1));
  use(pair.first(pair.second));
}

AWAITC_ASYNC awaitc::Coro<void> local_class() {
  struct Counter { int n; };
  Counter counter{1};
  AWAIT(v(1));
  use(counter.n);
}
