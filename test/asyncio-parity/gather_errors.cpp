// gather: the first child exception propagates at once while the other
// children keep running; a cancelled child makes gather raise
// CancelledError; cancelling the awaiting task cancels the children.
// Python: gather_errors.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

struct Boom : std::runtime_error {
  using std::runtime_error::runtime_error;
};

AWAITC_ASYNC awaitc::Coro<std::string> child(std::string name, int hops,
                                             bool fail = false) {
  try {
    for (int i = 0; i < hops; ++i)
      AWAIT(awaitc::sleep(0));
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled\n", name.c_str());
    throw;
  }
  if (fail) {
    std::printf("%s fails\n", name.c_str());
    throw Boom(name);
  }
  std::printf("%s ends\n", name.c_str());
  return name;
}

AWAITC_ASYNC awaitc::Coro<void> outer() {
  try {
    AWAIT(awaitc::gather(child("p", 3), child("q", 5)));
  } catch (const awaitc::CancelledError &) {
    std::printf("outer got CancelledError\n");
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<std::string> slow = awaitc::create_task(child("slow", 4));
  try {
    AWAIT(awaitc::gather(child("x", 1, true), slow, child("y", 2, true)));
  } catch (const Boom &e) {
    std::printf("gather raised Boom(%s), slow done: %s\n", e.what(),
                py(slow.done()));
  }
  std::string slow_result = AWAIT(slow);
  std::printf("slow result: %s\n", slow_result.c_str());

  awaitc::Task<std::string> victim = awaitc::create_task(child("victim", 5));
  awaitc::Task<std::string> other = awaitc::create_task(child("other", 3));
  auto g = awaitc::gather(victim, other);
  AWAIT(awaitc::sleep(0));
  victim.cancel();
  try {
    AWAIT(g);
  } catch (const awaitc::CancelledError &) {
    std::printf("gather with a cancelled child: CancelledError, other done: "
                "%s\n",
                py(other.done()));
  }
  AWAIT(other);

  awaitc::Task<void> o = awaitc::create_task(outer());
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  o.cancel();
  try {
    AWAIT(o);
  } catch (const awaitc::CancelledError &) {
    std::printf("outer cancelled: %s\n", py(o.cancelled()));
  }
}

int main() { awaitc::run(main_coro()); }
