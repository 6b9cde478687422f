// shield inside a TaskGroup: when a sibling fails, the group cancels the
// child that awaits a shielded task; the child gets CancelledError, but the
// shielded work runs on past the group's end and keeps its result. Work
// created by the group itself is cancelled with it. (virtual clock)
// Python: shield_taskgroup.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

struct Boom : std::runtime_error {
  using std::runtime_error::runtime_error;
};

AWAITC_ASYNC awaitc::Coro<std::string> work(std::string name, double seconds) {
  try {
    AWAIT(awaitc::sleep(seconds));
  } catch (const awaitc::CancelledError &) {
    std::printf("%.2f work %s cancelled\n", awaitc::loop_time(), name.c_str());
    throw;
  }
  std::printf("%.2f work %s done\n", awaitc::loop_time(), name.c_str());
  return name + "-result";
}

AWAITC_ASYNC awaitc::Coro<void> guarded(awaitc::Task<std::string> inner) {
  try {
    std::string r = AWAIT(awaitc::shield(inner));
    std::printf("%.2f guarded got %s\n", awaitc::loop_time(), r.c_str());
  } catch (const awaitc::CancelledError &) {
    std::printf("%.2f guarded cancelled, inner done: %s\n", awaitc::loop_time(),
                py(inner.done()));
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> failing(double seconds) {
  AWAIT(awaitc::sleep(seconds));
  std::printf("%.2f failing raises\n", awaitc::loop_time());
  throw Boom("bad");
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<std::string> inner = awaitc::create_task(work("shielded", 3));
  awaitc::Task<std::string> plain;
  try {
    awaitc::TaskGroup tg;
    tg.create_task(guarded(inner));
    plain = tg.create_task(work("plain", 3));
    tg.create_task(failing(1));
    AWAIT(tg.wait());
  } catch (const Boom &) {
    std::printf("%.2f group raised Boom\n", awaitc::loop_time());
  }
  std::printf("plain cancelled %s, inner done %s\n", py(plain.cancelled()),
              py(inner.done()));
  std::string r = AWAIT(inner);
  std::printf("%.2f inner gave %s\n", awaitc::loop_time(), r.c_str());

  // the shielded task finishes first: the child gets its result
  inner = awaitc::create_task(work("quick", 0.5));
  {
    awaitc::TaskGroup tg;
    tg.create_task(guarded(inner));
    tg.create_task(work("slow", 1));
    AWAIT(tg.wait());
  }
  std::printf("%.2f second group done\n", awaitc::loop_time());
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
