#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

struct Sink {
  int put(int x) const { return x; }
  int put(double x) const { return 2 * int(x); }
};

template <class T> AWAITC_ASYNC awaitc::Coro<int> forward(Sink sink, T value) {
  return sink.put(AWAIT(v(value)));
}
