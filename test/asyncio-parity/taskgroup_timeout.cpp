// A TaskGroup under wait_for (virtual clock): the timeout cancels the parent
// while it waits for the group; the group cancels its children and waits for
// all of them, including one that cleans up with awaits of its own, and only
// then does wait_for throw TimeoutError. A group that finishes in time gives
// its value; a child failing after the timeout's cancellation wins over it
// (asyncio: in an ExceptionGroup; awaitc: the exception itself).
// Python: taskgroup_timeout.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

struct Boom : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Spec {
  std::string name;
  double seconds;
  bool fail_on_cancel = false;
};

AWAITC_ASYNC awaitc::Coro<std::string> child(Spec spec) {
  bool cancelled = false;
  try {
    AWAIT(awaitc::sleep(spec.seconds));
  } catch (const awaitc::CancelledError &) {
    cancelled = true;
  }
  if (cancelled) {
    std::printf("%.2f %s cancelled\n", awaitc::loop_time(), spec.name.c_str());
    if (spec.fail_on_cancel)
      throw Boom(spec.name);
    if (spec.name == "slow-cleanup") {
      AWAIT(awaitc::sleep(0.5));
      std::printf("%.2f %s cleaned up\n", awaitc::loop_time(),
                  spec.name.c_str());
    }
    throw awaitc::CancelledError();
  }
  std::printf("%.2f %s done\n", awaitc::loop_time(), spec.name.c_str());
  return spec.name;
}

AWAITC_ASYNC awaitc::Coro<std::string> grouped(std::vector<Spec> specs) {
  std::vector<awaitc::Task<std::string>> tasks;
  awaitc::TaskGroup tg;
  for (const Spec &spec : specs)
    tasks.push_back(tg.create_task(child(spec)));
  std::printf("%.2f group of %zu started\n", awaitc::loop_time(),
              tasks.size());
  AWAIT(tg.wait());
  std::string out;
  for (const awaitc::Task<std::string> &t : tasks)
    out += (out.empty() ? "" : ", ") + t.result();
  return out;
}

AWAITC_ASYNC awaitc::Coro<void> attempt(std::vector<Spec> specs,
                                        double timeout) {
  try {
    std::string r = AWAIT(awaitc::wait_for(grouped(specs), timeout));
    std::printf("%.2f result: %s\n", awaitc::loop_time(), r.c_str());
  } catch (const awaitc::TimeoutError &) {
    std::printf("%.2f TimeoutError\n", awaitc::loop_time());
  } catch (const Boom &e) {
    std::printf("%.2f Boom(%s)\n", awaitc::loop_time(), e.what());
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(attempt({{"a", 1}, {"b", 3}, {"slow-cleanup", 5}}, 2));
  AWAIT(attempt({{"c", 0.5}, {"d", 1}}, 2));
  AWAIT(attempt({{"e", 1}, {"f", 5, true}}, 2));
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
