// An async generator driven by hand with next(): lazy (nothing runs before
// the first next()), shared by tasks, next() while another next() of it is
// still running throws std::runtime_error (the running one goes on), and
// after the end every next() is empty at once. Python: agen_next_by_hand.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>

static std::string show(const std::optional<int> &v) {
  return v ? std::to_string(*v) : "None";
}

AWAITC_ASYNC awaitc::AsyncGenerator<int> numbers(int n) {
  std::printf("gen starts\n");
  for (int i = 0; i < n; ++i) {
    AWAIT(awaitc::sleep(0));
    std::printf("gen yields %d\n", i);
    YIELD(i * 10);
  }
  std::printf("gen ends\n");
}

AWAITC_ASYNC awaitc::Coro<void> taker(std::string name,
                                      awaitc::AsyncGenerator<int> &g,
                                      int count) {
  for (int i = 0; i < count; ++i) {
    std::optional<int> v = AWAIT(g.next());
    std::printf("%s took %s\n", name.c_str(), show(v).c_str());
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> intruder(awaitc::AsyncGenerator<int> &g) {
  try {
    std::optional<int> v = AWAIT(g.next());
    std::printf("intruder took %s\n", show(v).c_str());
  } catch (const std::runtime_error &e) {
    std::printf("intruder: RuntimeError: %s\n", e.what());
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::AsyncGenerator<int> g = numbers(4);
  std::printf("created\n");
  AWAIT(awaitc::sleep(0));
  std::printf("main took %s\n", show(AWAIT(g.next())).c_str());
  awaitc::Task<void> c = awaitc::create_task(taker("c", g, 1));
  awaitc::Task<void> i = awaitc::create_task(intruder(g));
  AWAIT(c);
  AWAIT(i);
  for (;;) {
    std::optional<int> v = AWAIT(g.next());
    if (!v)
      break;
    std::printf("main took %s\n", show(v).c_str());
  }
  for (int k = 0; k < 2; ++k)
    std::printf("after end: %s\n", show(AWAIT(g.next())).c_str());
}

int main() { awaitc::run(main_coro()); }
