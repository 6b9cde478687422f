// wait_for around a shielded task: the timeout cancels the shield, not the
// work, which finishes later and keeps its result (virtual clock).
// Python: shield_wait_for.py
#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> save(int n) {
  AWAIT(awaitc::sleep(2));
  std::printf("%.2f saved %d\n", awaitc::loop_time(), n);
  return n * 2;
}

AWAITC_ASYNC awaitc::Coro<int> guarded(awaitc::Task<int> t) {
  int v = AWAIT(awaitc::shield(t));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<int> t = awaitc::create_task(save(21));
  try {
    AWAIT(awaitc::wait_for(guarded(t), 0.5));
  } catch (const awaitc::TimeoutError &) {
    std::printf("%.2f timed out, work done: %s\n", awaitc::loop_time(),
                t.done() ? "True" : "False");
  }
  double before = awaitc::loop_time(); // Python's f-string reads it first
  int r = AWAIT(t);
  std::printf("%.2f result %d\n", before, r);
  awaitc::Task<int> u = awaitc::create_task(save(5));
  before = awaitc::loop_time();
  int in_time = AWAIT(awaitc::wait_for(guarded(u), 3));
  std::printf("%.2f in time: %d\n", before, in_time);
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
