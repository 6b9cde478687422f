// Future: awaited by several tasks, set from a timer callback; done callbacks
// and awaiting tasks are woken in the order they were added; a done future
// is awaited at once. Python: future_basic.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

AWAITC_ASYNC awaitc::Coro<void> awaiter(awaitc::Future<int> fut,
                                        std::string name) {
  std::printf("%s awaits\n", name.c_str());
  int v = AWAIT(fut);
  std::printf("%.2f %s got %d\n", awaitc::loop_time(), name.c_str(), v);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Future<int> fut;
  fut.add_done_callback([](awaitc::Future<int> f) {
    std::printf("callback 1 sees %d\n", f.result());
  });
  awaitc::Task<void> a = awaitc::create_task(awaiter(fut, "a"));
  AWAIT(awaitc::sleep(0));
  fut.add_done_callback([](awaitc::Future<int> f) {
    std::printf("callback 2 sees %d\n", f.result());
  });
  awaitc::Task<void> b = awaitc::create_task(awaiter(fut, "b"));
  AWAIT(awaitc::sleep(0));
  awaitc::call_later(1.5, [fut]() mutable { fut.set_result(42); });
  std::printf("done before: %s\n", py(fut.done()));
  AWAIT(a);
  AWAIT(b);
  std::printf("done after: %s, result %d\n", py(fut.done()), fut.result());
  fut.add_done_callback(
      [](awaitc::Future<int>) { std::printf("late callback\n"); });
  int again = AWAIT(fut);
  std::printf("await done future: %d\n", again);
  AWAIT(awaitc::sleep(0));
  try {
    fut.set_result(1);
  } catch (const awaitc::InvalidStateError &) {
    std::printf("set_result twice: InvalidStateError\n");
  }
  awaitc::Future<int> f2;
  try {
    f2.result();
  } catch (const awaitc::InvalidStateError &) {
    std::printf("result of a pending future: InvalidStateError\n");
  }
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
