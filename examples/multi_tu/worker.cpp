// The second translation unit: an async function that main.cpp runs as
// tasks, built on the header's inline coroutine.
#include "shared.h"

AWAITC_ASYNC awaitc::Coro<int> worker(const char *name, int steps) {
  int value = 0;
  for (int i = 0; i < steps; ++i)
    value = AWAIT(step(name, value));
  std::printf("%s: done with %d\n", name, value);
  return value * 100;
}
