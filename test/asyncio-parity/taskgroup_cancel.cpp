// TaskGroup: cancelling the parent while it waits cancels the children,
// waits for them, then raises CancelledError; a child failing during that
// wins over the cancellation. Python: taskgroup_cancel.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

struct Boom : std::runtime_error {
  using std::runtime_error::runtime_error;
};

AWAITC_ASYNC awaitc::Coro<void> child(std::string name, int hops,
                                      bool fail_on_cancel = false) {
  try {
    for (int i = 0; i < hops; ++i)
      AWAIT(awaitc::sleep(0));
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled\n", name.c_str());
    if (fail_on_cancel)
      throw Boom(name);
    throw;
  }
  std::printf("%s ends\n", name.c_str());
}

AWAITC_ASYNC awaitc::Coro<void> parent(bool fail_on_cancel) {
  try {
    awaitc::TaskGroup tg;
    tg.create_task(child("x", 5));
    tg.create_task(child("y", 5, fail_on_cancel));
    tg.create_task(child("z", 1));
    AWAIT(tg.wait());
  } catch (const awaitc::CancelledError &) {
    std::printf("parent: CancelledError\n");
    throw;
  } catch (const Boom &e) {
    std::printf("parent: Boom(%s)\n", e.what());
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  for (bool fail : {false, true}) {
    awaitc::Task<void> p = awaitc::create_task(parent(fail));
    AWAIT(awaitc::sleep(0));
    AWAIT(awaitc::sleep(0));
    AWAIT(awaitc::sleep(0));
    p.cancel();
    try {
      AWAIT(p);
    } catch (const awaitc::CancelledError &) {
    }
    std::printf("parent cancelled: %s\n", p.cancelled() ? "True" : "False");
  }
}

int main() { awaitc::run(main_coro()); }
