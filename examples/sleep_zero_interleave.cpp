// Three tasks taking turns: AWAIT(sleep(0)) puts the caller at the back of
// the ready queue, so the tasks' steps interleave in creation order, exactly
// as with asyncio.sleep(0).
// Python twin: sleep_zero_interleave.py
#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<void> worker(const char *name, int steps) {
  for (int i = 0; i < steps; ++i) {
    std::printf("%s: step %d before sleep(0)\n", name, i);
    AWAIT(awaitc::sleep(0));
    std::printf("%s: step %d after sleep(0)\n", name, i);
  }
  std::printf("%s: done\n", name);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<void> a = awaitc::create_task(worker("A", 2));
  awaitc::Task<void> b = awaitc::create_task(worker("B", 3));
  awaitc::Task<void> c = awaitc::create_task(worker("C", 1));
  std::printf("main: created A, B and C\n");
  AWAIT(a);
  std::printf("main: A finished\n");
  AWAIT(b);
  AWAIT(c);
  std::printf("main: all finished\n");
}

int main() { awaitc::run(main_coro()); }
