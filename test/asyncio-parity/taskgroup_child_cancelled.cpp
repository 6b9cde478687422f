// TaskGroup: a child cancelled from outside (not by the group) does not
// abort the group: its siblings run on, a sibling that awaits it gets
// CancelledError (and so ends cancelled too, which the group also ignores),
// and the parent's wait ends normally once every child is done. A child
// that catches its cancellation and returns counts as finished normally.
// Python: taskgroup_child_cancelled.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

AWAITC_ASYNC awaitc::Coro<std::string> worker(std::string name, int hops) {
  try {
    for (int i = 0; i < hops; ++i)
      AWAIT(awaitc::sleep(0));
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled\n", name.c_str());
    throw;
  }
  std::printf("%s ends\n", name.c_str());
  return name;
}

AWAITC_ASYNC awaitc::Coro<void> waits_for(std::string name,
                                          awaitc::Task<std::string> other) {
  try {
    std::string r = AWAIT(other);
    std::printf("%s got %s\n", name.c_str(), r.c_str());
  } catch (const awaitc::CancelledError &) {
    std::printf("%s: awaited task was cancelled\n", name.c_str());
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<std::string> catches(std::string name) {
  try {
    AWAIT(awaitc::sleep(0));
    AWAIT(awaitc::sleep(0));
  } catch (const awaitc::CancelledError &) {
    std::printf("%s caught its cancellation\n", name.c_str());
  }
  return name;
}

AWAITC_ASYNC awaitc::Coro<void> canceller(awaitc::Task<std::string> victim) {
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  std::printf("cancel d: %s\n", py(victim.cancel()));
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<std::string> a, b, c;
  awaitc::Task<void> w;
  {
    awaitc::TaskGroup tg;
    a = tg.create_task(worker("a", 5));
    b = tg.create_task(worker("b", 3));
    w = tg.create_task(waits_for("w", a));
    c = tg.create_task(catches("c"));
    AWAIT(awaitc::sleep(0));
    std::printf("cancel a: %s\n", py(a.cancel()));
    std::printf("cancel c: %s\n", py(c.cancel()));
    std::printf("parent waits\n");
    AWAIT(tg.wait());
  }
  std::printf("group done: a cancelled %s, w cancelled %s, b result %s, "
              "c result %s\n",
              py(a.cancelled()), py(w.cancelled()), b.result().c_str(),
              c.result().c_str());

  awaitc::Task<std::string> d, e;
  {
    awaitc::TaskGroup tg;
    d = tg.create_task(worker("d", 4));
    e = tg.create_task(worker("e", 2));
    awaitc::Task<void> killer = tg.create_task(canceller(d));
    std::printf("parent waits\n");
    AWAIT(tg.wait());
  }
  std::printf("second group done: d cancelled %s, e result %s\n",
              py(d.cancelled()), e.result().c_str());
}

int main() { awaitc::run(main_coro()); }
