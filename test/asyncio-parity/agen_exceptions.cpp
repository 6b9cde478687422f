// Exceptions and async generators: one thrown by the body reaches the
// awaiter of next() (the AWAIT_EACH loop), after the body's own cleanup;
// the generator is finished afterwards (the next next() is empty at once);
// a body may catch what an awaited coroutine throws and go on yielding; an
// empty generator ends the loop at once. Python: agen_exceptions.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>

struct Boom : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Cleanup {
  const char *name;
  ~Cleanup() { std::printf("%s cleanup\n", name); }
};

AWAITC_ASYNC awaitc::Coro<int> fails(int n) {
  AWAIT(awaitc::sleep(0));
  if (n == 2)
    throw Boom("fails(" + std::to_string(n) + ")");
  return n;
}

AWAITC_ASYNC awaitc::AsyncGenerator<int> gen_raises(int limit) {
  Cleanup cleanup{"gen_raises"};
  for (int i = 0; i < 5; ++i) {
    AWAIT(awaitc::sleep(0));
    if (i == limit)
      throw Boom("gen at " + std::to_string(i));
    YIELD(i);
  }
}

AWAITC_ASYNC awaitc::AsyncGenerator<int> gen_recovers() {
  for (int i = 0; i < 4; ++i) {
    int v;
    try {
      v = AWAIT(fails(i));
    } catch (const Boom &e) {
      std::printf("gen caught %s\n", e.what());
      v = -1;
    }
    YIELD(v);
  }
}

AWAITC_ASYNC awaitc::AsyncGenerator<int> empty() {
  std::printf("empty runs\n");
  return;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  try {
    for (int v : AWAIT_EACH(gen_raises(2)))
      std::printf("got %d\n", v);
  } catch (const Boom &e) {
    std::printf("caught %s\n", e.what());
  }
  awaitc::AsyncGenerator<int> g = gen_raises(0);
  try {
    std::optional<int> first = AWAIT(g.next());
    std::printf("not reached %d\n", first.value_or(-1));
  } catch (const Boom &e) {
    std::printf("first next raised %s\n", e.what());
  }
  std::optional<int> then = AWAIT(g.next());
  std::printf("then %s\n", then ? "a value" : "None");
  for (int v : AWAIT_EACH(gen_recovers()))
    std::printf("recovered %d\n", v);
  for (int v : AWAIT_EACH(empty()))
    std::printf("never %d\n", v);
  std::printf("done\n");
}

int main() { awaitc::run(main_coro()); }
