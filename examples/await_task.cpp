// Awaiting a task: create_task schedules a coroutine to run on its own; the
// creator goes on, and AWAIT(task) later waits for its result. A finished
// task can be awaited again and gives the same result.
// Python twin: await_task.py
#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> slow_square(int x) {
  std::printf("square(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  std::printf("square(%d) finishes\n", x);
  return x * x;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<int> task = awaitc::create_task(slow_square(7));
  std::printf("task created, done: %s\n", task.done() ? "yes" : "no");

  AWAIT(awaitc::sleep(0));  // let the task start
  std::printf("main runs again, done: %s\n", task.done() ? "yes" : "no");

  int result = AWAIT(task);  // wait for it to finish
  std::printf("result = %d, done: %s\n", result, task.done() ? "yes" : "no");

  int again = AWAIT(task);  // a finished task returns at once
  std::printf("again = %d\n", again);
}

int main() { awaitc::run(main_coro()); }
