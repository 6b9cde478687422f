#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

AWAITC_ASYNC awaitc::Coro<void> f(int c) {
  switch (c)
  case 1:
    AWAIT(v(1));
}
