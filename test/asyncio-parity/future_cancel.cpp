// Future: set_exception reaches every awaiter; cancel() makes every awaiter
// raise CancelledError; cancelling a task that awaits a future cancels the
// future (and so its other awaiters). Python: future_cancel.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

static const char *py(bool b) { return b ? "True" : "False"; }

struct Boom : std::runtime_error {
  using std::runtime_error::runtime_error;
};

AWAITC_ASYNC awaitc::Coro<void> awaiter(awaitc::Future<int> fut,
                                        std::string name) {
  try {
    int v = AWAIT(fut);
    std::printf("%s got %d\n", name.c_str(), v);
  } catch (const Boom &e) {
    std::printf("%s raised Boom(%s)\n", name.c_str(), e.what());
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled\n", name.c_str());
    throw;
  }
}

static std::vector<awaitc::Task<void>> start(awaitc::Future<int> f,
                                             const char *a, const char *b) {
  std::vector<awaitc::Task<void>> ts;
  ts.push_back(awaitc::create_task(awaiter(f, a)));
  ts.push_back(awaitc::create_task(awaiter(f, b)));
  return ts;
}

static void print_cancelled(const char *name, awaitc::Future<int> &f,
                            std::vector<awaitc::Task<void>> &ts) {
  std::printf("%s cancelled %s, tasks cancelled [%s, %s]\n", name,
              py(f.cancelled()), py(ts[0].cancelled()), py(ts[1].cancelled()));
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Future<int> f1;
  std::vector<awaitc::Task<void>> ts = start(f1, "a", "b");
  AWAIT(awaitc::sleep(0));
  f1.set_exception(Boom("bad"));
  AWAIT(awaitc::wait(ts));
  try {
    f1.result();
  } catch (const Boom &) {
    std::printf("result() raises the exception\n");
  }
  bool is_boom = false;
  try {
    std::rethrow_exception(f1.exception());
  } catch (const Boom &) {
    is_boom = true;
  }
  std::printf("exception() is Boom: %s\n", py(is_boom));

  awaitc::Future<int> f2;
  ts = start(f2, "c", "d");
  AWAIT(awaitc::sleep(0));
  bool first = f2.cancel();
  bool second = f2.cancel();
  std::printf("cancel: %s, again: %s\n", py(first), py(second));
  AWAIT(awaitc::wait(ts));
  print_cancelled("f2", f2, ts);

  awaitc::Future<int> f3;
  ts = start(f3, "e", "f");
  AWAIT(awaitc::sleep(0));
  ts[0].cancel();
  AWAIT(awaitc::wait(ts));
  print_cancelled("f3", f3, ts);

  awaitc::Future<int> f4;
  awaitc::Task<void> t = awaitc::create_task(awaiter(f4, "g"));
  AWAIT(awaitc::sleep(0));
  f4.set_result(7);
  t.cancel(); // the future is done: the task gets CancelledError anyway
  AWAIT(awaitc::wait(std::vector<awaitc::Task<void>>{t}));
  std::printf("f4 result %d, task cancelled %s\n", f4.result(),
              py(t.cancelled()));
}

int main() { awaitc::run(main_coro()); }
