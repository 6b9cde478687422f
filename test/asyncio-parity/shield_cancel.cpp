// shield: cancelling the awaiter does not cancel the inner task, which runs
// on; a done task is awaited at once; an inner task cancelled by other means
// makes the shield raise CancelledError. Python: shield_cancel.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

AWAITC_ASYNC awaitc::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<int> work(std::string name, int hops) {
  try {
    for (int i = 0; i < hops; ++i)
      AWAIT(awaitc::sleep(0));
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled\n", name.c_str());
    throw;
  }
  std::printf("%s finished\n", name.c_str());
  return hops;
}

AWAITC_ASYNC awaitc::Coro<void> guarded(awaitc::Task<int> inner) {
  try {
    int v = AWAIT(awaitc::shield(inner));
    std::printf("guarded got %d\n", v);
  } catch (const awaitc::CancelledError &) {
    std::printf("guarded cancelled, inner done %s\n", py(inner.done()));
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<void> t = awaitc::create_task(ticker(12));
  awaitc::Task<int> inner = awaitc::create_task(work("inner", 4));
  awaitc::Task<void> g = awaitc::create_task(guarded(inner));
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  g.cancel();
  int r = AWAIT(inner);
  std::printf("inner result %d, g cancelled %s\n", r, py(g.cancelled()));

  int done_value = AWAIT(awaitc::shield(inner));
  std::printf("shield of a done task: %d\n", done_value);
  int v = AWAIT(awaitc::shield(work("direct", 1)));
  std::printf("shield of a coroutine: %d\n", v);

  awaitc::Task<int> victim = awaitc::create_task(work("victim", 5));
  awaitc::Task<void> g2 = awaitc::create_task(guarded(victim));
  AWAIT(awaitc::sleep(0));
  victim.cancel();
  try {
    AWAIT(g2);
  } catch (const awaitc::CancelledError &) {
    std::printf("g2 cancelled %s\n", py(g2.cancelled()));
  }
  AWAIT(t);
}

int main() { awaitc::run(main_coro()); }
