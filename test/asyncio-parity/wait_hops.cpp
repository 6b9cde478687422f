// asyncio.wait, hop for hop: it always suspends (even when every task is
// done); the wake-up comes one iteration after the completion callback; a
// cancelled wait raises CancelledError and leaves the tasks running.
// Python: wait_hops.py
#include <awaitc/awaitc.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using Tasks = std::vector<awaitc::Task<std::string>>;

AWAITC_ASYNC awaitc::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<std::string> child(std::string name, int hops) {
  for (int i = 0; i < hops; ++i)
    AWAIT(awaitc::sleep(0));
  std::printf("%s ends\n", name.c_str());
  return name;
}

AWAITC_ASYNC awaitc::Coro<void> waiter(Tasks ts) {
  try {
    AWAIT(awaitc::wait(ts));
    std::printf("waiter returned\n");
  } catch (const awaitc::CancelledError &) {
    std::printf("waiter cancelled\n");
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<void> t = awaitc::create_task(ticker(14));
  awaitc::Task<std::string> a = awaitc::create_task(child("a", 1));
  awaitc::Task<std::string> b = awaitc::create_task(child("b", 2));
  auto first = AWAIT(
      awaitc::wait(Tasks{a, b}, awaitc::ReturnWhen::FirstCompleted));
  std::vector<std::string> results;
  for (auto &x : first.done)
    results.push_back(x.result());
  std::sort(results.begin(), results.end());
  std::printf("first completed: [");
  for (std::size_t i = 0; i < results.size(); ++i)
    std::printf("%s'%s'", i ? ", " : "", results[i].c_str());
  std::printf("], pending %zu\n", first.pending.size());
  auto again = AWAIT(awaitc::wait(Tasks{a}));
  std::printf("already done: %zu\n", again.done.size());
  awaitc::Task<std::string> c = awaitc::create_task(child("c", 4));
  awaitc::Task<void> w = awaitc::create_task(waiter(Tasks{c}));
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  w.cancel();
  AWAIT(awaitc::sleep(0));
  std::printf("w cancelled %s, c done %s\n", w.cancelled() ? "True" : "False",
              c.done() ? "True" : "False");
  AWAIT(c);
  AWAIT(t);
}

int main() { awaitc::run(main_coro()); }
