// Async generators interleaved with other tasks: each next() runs the
// generator's body inside the consumer's task, with no loop iteration of
// its own; the body's sleep(0) lets the other tasks run. Two consumers, each
// with its own generator, and a plain task. Python: agen_interleave.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

AWAITC_ASYNC awaitc::AsyncGenerator<int> ticks(std::string name, int n) {
  std::printf("%s starts\n", name.c_str());
  for (int i = 0; i < n; ++i) {
    AWAIT(awaitc::sleep(0));
    std::printf("%s yields %d\n", name.c_str(), i);
    YIELD(i);
  }
  std::printf("%s ends\n", name.c_str());
}

AWAITC_ASYNC awaitc::Coro<int> consumer(std::string name, int n) {
  int total = 0;
  for (int v : AWAIT_EACH(ticks(name, n))) {
    std::printf("%s got %d\n", name.c_str(), v);
    total += v;
  }
  std::printf("%s total %d\n", name.c_str(), total);
  return total;
}

AWAITC_ASYNC awaitc::Coro<void> plain() {
  for (int i = 0; i < 4; ++i) {
    std::printf("plain %d\n", i);
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<int> a = awaitc::create_task(consumer("a", 3));
  awaitc::Task<int> b = awaitc::create_task(consumer("b", 2));
  awaitc::Task<void> p = awaitc::create_task(plain());
  std::printf("main waits\n");
  int ra = AWAIT(a);
  int rb = AWAIT(b);
  AWAIT(p);
  std::printf("results %d %d\n", ra, rb);
}

int main() { awaitc::run(main_coro()); }
