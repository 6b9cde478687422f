// A waiter woken by set() still returns if clear() comes before it resumes;
// a cancelled waiter gets CancelledError and the event is unchanged.
// Python: event_clear_cancel.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

AWAITC_ASYNC awaitc::Coro<void> waiter(awaitc::Event &ev, std::string name) {
  try {
    AWAIT(ev.wait());
    std::printf("%s woke, set=%s\n", name.c_str(), py(ev.is_set()));
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled, set=%s\n", name.c_str(), py(ev.is_set()));
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Event ev;
  awaitc::Task<void> a = awaitc::create_task(waiter(ev, "a"));
  awaitc::Task<void> b = awaitc::create_task(waiter(ev, "b"));
  awaitc::Task<void> c = awaitc::create_task(waiter(ev, "c"));
  AWAIT(awaitc::sleep(0));
  std::printf("cancel b: %s\n", py(b.cancel()));
  ev.set();
  ev.clear();
  std::printf("cancel c after set: %s\n", py(c.cancel()));
  AWAIT(awaitc::sleep(0));
  std::printf("a done=%s b cancelled=%s c cancelled=%s\n", py(a.done()),
              py(b.cancelled()), py(c.cancelled()));
  awaitc::Task<void> d = awaitc::create_task(waiter(ev, "d"));
  AWAIT(awaitc::sleep(0));
  std::printf("d waiting: %s\n", py(!d.done()));
  ev.set();
  AWAIT(d);
}

int main() { awaitc::run(main_coro()); }
