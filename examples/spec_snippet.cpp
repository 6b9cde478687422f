// The first program: an async function awaited directly and
// through a task, and a generator iterated with range-for.
// Python twin: spec_snippet.py
#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> custom_coroutine(int x) {
  AWAIT(awaitc::sleep(0));          // let other tasks run
  return x * 2;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  int value = AWAIT(custom_coroutine(21));               // await a coroutine
  awaitc::Task<int> task = awaitc::create_task(custom_coroutine(1));
  int other = AWAIT(task);                               // await a task
  std::printf("%d %d\n", value, other);
}

AWAITC_GENERATOR awaitc::Generator<int> custom_generator() {
  for (int i = 0; i < 10; ++i) YIELD(i);
}

int main() {
  awaitc::run(main_coro());
  for (int v : custom_generator()) std::printf("%d\n", v);
}
