// Future<void> completed from a call_soon callback; done callbacks added
// before and after completion; set_exception reaches the awaiter and
// exception(); a cancelled future's callbacks still run.
// Python: future_void_callbacks.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>

struct Boom : std::runtime_error {
  using std::runtime_error::runtime_error;
};

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Future<void> f;
  f.add_done_callback([](awaitc::Future<void> fut) {
    std::printf("callback A, done %s\n", fut.done() ? "True" : "False");
  });
  awaitc::call_soon([] { std::printf("soon before set\n"); });
  awaitc::call_soon([f]() mutable { f.set_result(); });
  awaitc::call_soon([] { std::printf("soon after set\n"); });
  AWAIT(f);
  std::printf("awaited: None\n");
  f.add_done_callback([](awaitc::Future<void>) {
    std::printf("callback B (added when done)\n");
  });
  AWAIT(awaitc::sleep(0));

  awaitc::Future<int> g;
  awaitc::call_soon([g]() mutable { g.set_exception(Boom("late")); });
  try {
    AWAIT(g);
  } catch (const Boom &e) {
    std::printf("awaited exception: Boom(%s)\n", e.what());
  }
  try {
    std::rethrow_exception(g.exception());
  } catch (const Boom &e) {
    std::printf("exception(): Boom(%s)\n", e.what());
  }

  awaitc::Future<int> h;
  h.add_done_callback([](awaitc::Future<int> fut) {
    std::printf("callback C, cancelled %s\n",
                fut.cancelled() ? "True" : "False");
  });
  std::printf("cancel: %s\n", h.cancel() ? "True" : "False");
  AWAIT(awaitc::sleep(0));
  try {
    h.exception();
  } catch (const awaitc::CancelledError &) {
    std::printf("exception() of a cancelled future: CancelledError\n");
  }
}

int main() { awaitc::run(main_coro()); }
