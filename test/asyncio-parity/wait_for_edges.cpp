// wait_for at its edges (virtual clock): an inner task that would finish at
// the very deadline (the timeout's timer was set first, so it wins), an
// inner task that catches the cancellation and returns a value (that value
// is the result, no TimeoutError), one that throws something else while
// being cancelled, nested wait_for (the shorter timeout wins, from outside
// or inside), a zero timeout on a task already done, and a Task awaited
// through wait_for by two waiters with different timeouts.
// Python: wait_for_edges.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

struct KeyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

static const char *py(bool b) { return b ? "True" : "False"; }

AWAITC_ASYNC awaitc::Coro<std::string> sleeper(double seconds,
                                               std::string value) {
  AWAIT(awaitc::sleep(seconds));
  return value;
}

AWAITC_ASYNC awaitc::Coro<std::string> stubborn() {
  try {
    AWAIT(awaitc::sleep(10));
  } catch (const awaitc::CancelledError &) {
    std::printf("%.2f stubborn caught the cancellation\n", awaitc::loop_time());
  }
  return "stubborn value";
}

AWAITC_ASYNC awaitc::Coro<std::string> fails_on_cancel() {
  try {
    AWAIT(awaitc::sleep(10));
  } catch (const awaitc::CancelledError &) {
    throw KeyError("'cleanup failed'");
  }
  return "never";
}

template <class Awaited>
AWAITC_ASYNC awaitc::Coro<void> attempt(std::string label, Awaited awaited,
                                        double timeout) {
  try {
    std::string r = AWAIT(awaitc::wait_for(std::move(awaited), timeout));
    std::printf("%.2f %s: %s\n", awaitc::loop_time(), label.c_str(), r.c_str());
  } catch (const awaitc::TimeoutError &) {
    std::printf("%.2f %s: TimeoutError\n", awaitc::loop_time(), label.c_str());
  } catch (const KeyError &e) {
    std::printf("%.2f %s: KeyError %s\n", awaitc::loop_time(), label.c_str(),
                e.what());
  } catch (const awaitc::CancelledError &) {
    std::printf("%.2f %s: CancelledError\n", awaitc::loop_time(),
                label.c_str());
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<std::string> nested(double inner_timeout,
                                              double seconds) {
  return AWAIT(awaitc::wait_for(sleeper(seconds, "inner done"), inner_timeout));
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(attempt("at the deadline", sleeper(1, "on time"), 1));
  AWAIT(attempt("just before", sleeper(0.99, "on time"), 1));
  AWAIT(attempt("stubborn", stubborn(), 0.5));
  AWAIT(attempt("fails on cancel", fails_on_cancel(), 0.5));
  AWAIT(attempt("outer shorter", nested(2, 3), 1));
  AWAIT(attempt("inner shorter", nested(1, 3), 2));
  AWAIT(attempt("both long", nested(5, 1), 6));

  awaitc::Task<std::string> done =
      awaitc::create_task(sleeper(0, "done already"));
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  AWAIT(attempt("zero timeout, done task", done, 0));

  awaitc::Task<std::string> shared =
      awaitc::create_task(sleeper(2, "shared result"));
  std::vector<awaitc::Task<void>> waiters;
  waiters.push_back(awaitc::create_task(attempt("shared, 3s", shared, 3)));
  waiters.push_back(awaitc::create_task(attempt("shared, 1s", shared, 1)));
  AWAIT(awaitc::wait(waiters));
  std::printf("shared cancelled: %s\n", py(shared.cancelled()));
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
