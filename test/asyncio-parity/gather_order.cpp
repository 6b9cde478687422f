// gather: results in argument order whatever the finishing order; the
// awaiting task resumes two iterations after the last child finished (the
// gather callback, then the wake-up); coroutines start in argument order.
// Python: gather_order.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <tuple>
#include <variant>

AWAITC_ASYNC awaitc::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    AWAIT(awaitc::sleep(0));
  }
}

template <class T>
AWAITC_ASYNC awaitc::Coro<T> child(std::string name, int hops, T value) {
  std::printf("%s starts\n", name.c_str());
  for (int i = 0; i < hops; ++i)
    AWAIT(awaitc::sleep(0));
  std::printf("%s ends\n", name.c_str());
  return value;
}

AWAITC_ASYNC awaitc::Coro<void> nothing(std::string name) {
  std::printf("%s (void) runs\n", name.c_str());
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<void> t = awaitc::create_task(ticker(10));
  auto [a, b, c] = AWAIT(awaitc::gather(child<int>("a", 3, 1),
                                        child<std::string>("b", 1, "two"),
                                        child<double>("c", 0, 3.5)));
  std::printf("results: %d %s %.1f\n", a, b.c_str(), c);
  awaitc::Task<int> ready = awaitc::create_task(child<int>("d", 0, 4));
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  std::printf("d done: %s\n", ready.done() ? "True" : "False");
  std::tuple<int, std::monostate, int> r =
      AWAIT(awaitc::gather(ready, nothing("e"), ready));
  std::printf("with a done task and a void child: %d None %d\n",
              std::get<0>(r), std::get<2>(r));
  std::tuple<> empty = AWAIT(awaitc::gather());
  (void)empty;
  std::printf("empty gather: []\n");
  AWAIT(t);
}

int main() { awaitc::run(main_coro()); }
