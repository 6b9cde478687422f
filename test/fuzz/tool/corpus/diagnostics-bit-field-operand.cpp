#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

struct Flags { unsigned low : 4; unsigned high : 4; };

template <class T> AWAITC_ASYNC awaitc::Coro<int> f(Flags *flags, T shift) {
  return flags->low << AWAIT(v(shift));
}
