// gather(..., return_exceptions=True): every child runs to its end, failures
// come back as values in argument order, and the awaiter resumes two
// iterations after the last child, as without it; a cancelled child gives a
// CancelledError value and does not cancel the gather. awaitc's gather has
// no return_exceptions: each child is wrapped in a coroutine that catches
// and returns the outcome, which keeps every hop (docs/runtime.md, gather.h).
// Python: gather_return_exceptions.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct ValueError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

static int ticks = 0;

AWAITC_ASYNC awaitc::Coro<void> ticker() {
  while (true) {
    ++ticks;
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<std::string> job(std::string name, int hops,
                                           bool fail = false) {
  for (int i = 0; i < hops; ++i)
    AWAIT(awaitc::sleep(0));
  if (fail) {
    std::printf("%s fails at tick %d\n", name.c_str(), ticks);
    throw ValueError(name);
  }
  std::printf("%s ends at tick %d\n", name.c_str(), ticks);
  return name;
}

// The outcome of a child as Python's repr() of gather's result shows it.
AWAITC_ASYNC awaitc::Coro<std::string> settle(awaitc::Coro<std::string> child) {
  try {
    std::string v = AWAIT(std::move(child));
    return "'" + v + "'";
  } catch (const ValueError &e) {
    return std::string("ValueError('") + e.what() + "')";
  } catch (const awaitc::CancelledError &) {
    return "CancelledError('')";
  }
}

template <class... Ts>
static void print_results(const std::tuple<Ts...> &res) {
  std::printf("tick %d: [", ticks);
  const char *sep = "";
  std::apply(
      [&sep](const auto &...r) {
        ((std::printf("%s%s", sep, r.c_str()), sep = ", "), ...);
      },
      res);
  std::printf("]\n");
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<void> t = awaitc::create_task(ticker());
  AWAIT(awaitc::sleep(0));
  auto res = AWAIT(awaitc::gather(settle(job("a", 3)),
                                  settle(job("b", 1, true)),
                                  settle(job("c", 2)),
                                  settle(job("d", 0, true))));
  print_results(res);

  awaitc::Task<std::string> e = awaitc::create_task(settle(job("e", 5)));
  awaitc::Task<std::string> f = awaitc::create_task(settle(job("f", 2)));
  auto g = awaitc::gather(e, f);
  AWAIT(awaitc::sleep(0));
  e.cancel();
  auto res2 = AWAIT(std::move(g));
  print_results(res2);
  t.cancel();
}

int main() { awaitc::run(main_coro()); }
