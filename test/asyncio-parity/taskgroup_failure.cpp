// TaskGroup: the first child failure cancels the other children; the group
// waits for them and then raises (asyncio: an ExceptionGroup whose first
// exception is that one; awaitc: that exception). A child that catches the
// cancellation and finishes cleanly is waited for.
// Python: taskgroup_failure.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

struct Boom : std::runtime_error {
  using std::runtime_error::runtime_error;
};

AWAITC_ASYNC awaitc::Coro<void> child(std::string name, int hops,
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
}

AWAITC_ASYNC awaitc::Coro<void> stubborn() {
  bool cancelled = false;
  try {
    AWAIT(awaitc::sleep(10));
  } catch (const awaitc::CancelledError &) {
    cancelled = true;
  }
  if (cancelled) {
    std::printf("stubborn cleans up\n");
    AWAIT(awaitc::sleep(0));
    AWAIT(awaitc::sleep(0));
    std::printf("stubborn done cleaning\n");
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  try {
    awaitc::TaskGroup tg;
    tg.create_task(child("a", 5));
    tg.create_task(child("b", 1, true));
    tg.create_task(child("c", 2, true));
    tg.create_task(stubborn());
    tg.create_task(child("d", 0));
    AWAIT(tg.wait());
  } catch (const Boom &e) {
    std::printf("group raised Boom(%s)\n", e.what());
  }
  std::printf("after the group\n");
}

int main() { awaitc::run(main_coro()); }
