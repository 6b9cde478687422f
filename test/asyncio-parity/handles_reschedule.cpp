// call_later handles cancelled and rescheduled (virtual clock): a timer
// pushed back by cancelling it and scheduling anew, a callback that
// cancels another timer (it never runs), one that reschedules itself (a
// periodic timer) until cancelled from outside, call_at on the loop's
// clock, and call_later(0) queued behind call_soon. Python:
// handles_reschedule.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <functional>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

static void say(const std::string &text) {
  std::printf("%.2f %s\n", awaitc::loop_time(), text.c_str());
}

static std::function<void()> saying(std::string text) {
  return [text] { say(text); };
}

struct Periodic {
  int n = 0;
  awaitc::TimerHandle handle;
  void start() {
    handle = awaitc::call_later(0.75, [this] {
      ++n;
      say("tick " + std::to_string(n));
      start();
    });
  }
};

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  // a deadline pushed back twice: only the last one runs
  awaitc::TimerHandle h = awaitc::call_later(1.0, saying("deadline (first)"));
  h.cancel();
  h = awaitc::call_later(2.0, saying("deadline (second)"));
  h.cancel();
  h = awaitc::call_later(3.0, saying("deadline (third)"));
  std::printf("deadline when %.2f\n", h.when());

  // a timer cancelled by another timer's callback
  awaitc::TimerHandle victim =
      awaitc::call_later(1.0, saying("victim (never)"));
  awaitc::call_later(0.9, [victim]() mutable {
    say(std::string("killer cancels the victim, cancelled before: ") +
        py(victim.cancelled()));
    victim.cancel();
  });
  awaitc::call_later(1.1, saying("after the victim"));

  // a periodic timer rescheduling itself every 0.75
  Periodic ticks;
  ticks.start();

  // call_at takes a time on the loop's clock
  awaitc::call_later(2.6, saying("call_later 2.6"));
  awaitc::TimerHandle at = awaitc::call_at(2.4, saying("call_at 2.4"));
  std::printf("call_at when %.2f\n", at.when());

  // call_later(0) is a timer: it runs after what call_soon queued now
  awaitc::call_later(0, saying("call_later(0)"));
  awaitc::call_soon(saying("call_soon"));
  AWAIT(awaitc::sleep(0));
  say("main after sleep(0)");
  AWAIT(awaitc::sleep(0));
  say("main after second sleep(0)");

  AWAIT(awaitc::sleep(2.9));
  ticks.handle.cancel();
  say("periodic stopped after " + std::to_string(ticks.n) + " ticks");
  AWAIT(awaitc::sleep(1));
  say(std::string("end, deadline cancelled: ") + py(h.cancelled()));
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
