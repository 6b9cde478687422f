// Event set before anyone waits: wait() returns at once, without a loop
// iteration (a ticker does not move); set() twice is harmless; after clear()
// waiters wait again; set() then clear() in the same step still wakes the
// waiters of that moment but not a later one. wait_for(ev.wait(), 0) times
// out even on a set event (the coroutine has not started when the zero
// timeout is checked); with a timeout it returns from a set event.
// Python: event_preset.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

static int ticks = 0;

AWAITC_ASYNC awaitc::Coro<void> ticker() {
  while (true) {
    ++ticks;
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> waiter(awaitc::Event &ev, std::string name) {
  bool r = AWAIT(ev.wait());
  std::printf("%s woke (%s) at tick %d\n", name.c_str(), py(r), ticks);
}

// Python's ev.wait() is a coroutine; awaitc's is an awaitable, which
// wait_for takes inside a coroutine.
AWAITC_ASYNC awaitc::Coro<bool> event_wait(awaitc::Event &ev) {
  return AWAIT(ev.wait());
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<void> t = awaitc::create_task(ticker());
  AWAIT(awaitc::sleep(0));
  awaitc::Event ev;
  ev.set();
  ev.set();
  int before = ticks;
  for (int i = 0; i < 3; ++i)
    AWAIT(ev.wait());
  std::printf("three waits on a set event took %d ticks\n", ticks - before);
  try {
    AWAIT(awaitc::wait_for(event_wait(ev), 0));
  } catch (const awaitc::TimeoutError &) {
    std::printf("wait_for(timeout=0) on a set event: TimeoutError, is_set %s\n",
                py(ev.is_set()));
  }
  before = ticks;
  bool r = AWAIT(awaitc::wait_for(event_wait(ev), 10));
  std::printf("wait_for(timeout=10) on a set event: %s after %d ticks\n",
              py(r), ticks - before);

  ev.clear();
  awaitc::Task<void> a = awaitc::create_task(waiter(ev, "a"));
  awaitc::Task<void> b = awaitc::create_task(waiter(ev, "b"));
  AWAIT(awaitc::sleep(0));
  std::printf("tick %d: set and clear\n", ticks);
  ev.set();
  ev.clear();
  awaitc::Task<void> c = awaitc::create_task(waiter(ev, "c"));
  AWAIT(awaitc::gather(a, b));
  AWAIT(awaitc::sleep(0));
  std::printf("c done: %s, is_set %s\n", py(c.done()), py(ev.is_set()));
  try {
    AWAIT(awaitc::wait_for(event_wait(ev), 0));
  } catch (const awaitc::TimeoutError &) {
    std::printf("wait_for(timeout=0) on a clear event: TimeoutError\n");
  }
  ev.set();
  AWAIT(c);
  t.cancel();
}

int main() { awaitc::run(main_coro()); }
