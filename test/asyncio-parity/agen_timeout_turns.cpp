// An async generator under timeouts and shared in turns (virtual clock):
// wait_for around next() that times out cancels the generator in its own
// AWAIT (its handler and cleanup run there) and finishes it, so later
// next() calls give an empty optional at once; two tasks taking turns on
// one generator under a Lock each get the next value while the generator's
// AWAITs let the other task run. Python: agen_timeout_turns.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <optional>
#include <string>

struct Closed {
  std::string name;
  ~Closed() { std::printf("%.2f %s closed\n", awaitc::loop_time(), name.c_str()); }
};

static std::string show(const std::optional<int> &v) {
  return v ? std::to_string(*v) : "None";
}

AWAITC_ASYNC awaitc::AsyncGenerator<int> numbers(std::string name,
                                                 double step) {
  Closed closed{name};
  try {
    for (int i = 0; i < 10; ++i) {
      AWAIT(awaitc::sleep(i * step));
      std::printf("%.2f %s yields %d\n", awaitc::loop_time(), name.c_str(), i);
      YIELD(i);
    }
  } catch (const awaitc::CancelledError &) {
    std::printf("%.2f %s cancelled in its sleep\n", awaitc::loop_time(),
                name.c_str());
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<std::optional<int>>
next_of(awaitc::AsyncGenerator<int> &gen) {
  return AWAIT(gen.next());
}

AWAITC_ASYNC awaitc::Coro<void> taker(std::string name,
                                      awaitc::AsyncGenerator<int> &gen,
                                      awaitc::Lock &lock, int n) {
  for (int i = 0; i < n; ++i) {
    AWAIT(lock.acquire());
    std::optional<int> v;
    try {
      v = AWAIT(gen.next());
    } catch (...) {
      lock.release();
      throw;
    }
    lock.release();
    std::printf("%.2f %s took %s\n", awaitc::loop_time(), name.c_str(),
                show(v).c_str());
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  {
    awaitc::AsyncGenerator<int> gen = numbers("g1", 0.5);
    for (int i = 0; i < 5; ++i) {
      try {
        std::optional<int> v = AWAIT(awaitc::wait_for(next_of(gen), 0.75));
        std::printf("%.2f got %s\n", awaitc::loop_time(), show(v).c_str());
      } catch (const awaitc::TimeoutError &) {
        std::printf("%.2f TimeoutError\n", awaitc::loop_time());
      }
    }
  }
  {
    awaitc::AsyncGenerator<int> gen = numbers("g2", 0.25);
    awaitc::Lock lock;
    AWAIT(awaitc::gather(taker("x", gen, lock, 3), taker("y", gen, lock, 2)));
  } // Python: await gen.aclose()
  std::printf("%.2f end\n", awaitc::loop_time());
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
