// An async function and a generator side by side: two tasks each sum the
// values of their own generator, sleeping between values, so the tasks take
// turns while each generator stays suspended at its YIELD.
// Python twin: await_and_yield.py
#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_GENERATOR awaitc::Generator<int> squares(int n) {
  for (int i = 1; i <= n; ++i)
    YIELD(i * i);
}

AWAITC_ASYNC awaitc::Coro<int> slow_sum(const char *name, int n) {
  int total = 0;
  for (int v : squares(n)) {
    total += v;
    std::printf("%s: added %d, total %d\n", name, v, total);
    AWAIT(awaitc::sleep(0));  // the other task runs here
  }
  return total;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<int> small = awaitc::create_task(slow_sum("small", 2));
  awaitc::Task<int> big = awaitc::create_task(slow_sum("big", 4));
  int a = AWAIT(small);
  std::printf("small finished: %d\n", a);
  int b = AWAIT(big);
  std::printf("big finished: %d\n", b);
}

int main() { awaitc::run(main_coro()); }
