// call_soon / call_later handles: cancelled callbacks never run; order of
// equal deadlines is scheduling order; callbacks and task wake-ups share
// the one ready queue. Python: handles.py
#include <awaitc/awaitc.h>

#include <cstdio>

static const char *py(bool b) { return b ? "True" : "False"; }

static auto say(const char *text) {
  return [text] { std::printf("%s\n", text); };
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Handle h1 = awaitc::call_soon(say("soon 1"));
  awaitc::Handle h2 = awaitc::call_soon(say("soon 2 (cancelled)"));
  awaitc::Handle h3 = awaitc::call_soon(say("soon 3"));
  h2.cancel();
  std::printf("h2 cancelled: %s, h1 cancelled: %s\n", py(h2.cancelled()),
              py(h1.cancelled()));
  awaitc::TimerHandle t1 = awaitc::call_later(1.0, say("later 1.0 a"));
  awaitc::TimerHandle t2 = awaitc::call_later(0.5, say("later 0.5"));
  awaitc::TimerHandle t3 =
      awaitc::call_later(1.0, say("later 1.0 b (cancelled)"));
  awaitc::TimerHandle t4 = awaitc::call_later(1.0, say("later 1.0 c"));
  t3.cancel();
  std::printf("t1 when %.2f\n", t1.when());
  AWAIT(awaitc::sleep(0));
  std::printf("main after sleep(0)\n");
  AWAIT(awaitc::sleep(2));
  h3.cancel(); // already ran: no effect
  t1.cancel();
  std::printf("%.2f end, t1 cancelled %s\n", awaitc::loop_time(),
              py(t1.cancelled()));
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
