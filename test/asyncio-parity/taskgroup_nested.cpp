// Nested TaskGroups: an inner group's failure cancels its siblings, comes out
// of the inner wait, fails the child of the outer group, and so cancels the
// outer group's other children. Python: taskgroup_nested.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

struct Boom : std::runtime_error {
  using std::runtime_error::runtime_error;
};

AWAITC_ASYNC awaitc::Coro<void> sleeper(std::string name, double delay) {
  try {
    AWAIT(awaitc::sleep(delay));
  } catch (const awaitc::CancelledError &) {
    std::printf("%.2f %s cancelled\n", awaitc::loop_time(), name.c_str());
    throw;
  }
  std::printf("%.2f %s done\n", awaitc::loop_time(), name.c_str());
}

AWAITC_ASYNC awaitc::Coro<void> failer(std::string name, double delay) {
  AWAIT(awaitc::sleep(delay));
  std::printf("%.2f %s fails\n", awaitc::loop_time(), name.c_str());
  throw Boom(name);
}

AWAITC_ASYNC awaitc::Coro<void> inner_group() {
  try {
    awaitc::TaskGroup tg;
    tg.create_task(sleeper("inner-long", 5));
    tg.create_task(failer("inner-bad", 1));
    AWAIT(tg.wait());
  } catch (const Boom &e) {
    std::printf("%.2f inner group raised Boom(%s)\n", awaitc::loop_time(),
                e.what());
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  try {
    awaitc::TaskGroup tg;
    tg.create_task(sleeper("outer-long", 10));
    tg.create_task(sleeper("outer-short", 0.5));
    tg.create_task(inner_group());
    AWAIT(tg.wait());
  } catch (const Boom &e) {
    std::printf("%.2f outer group raised Boom(%s)\n", awaitc::loop_time(),
                e.what());
  }
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
