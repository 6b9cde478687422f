#include "tracer.h"

AWAITC_GENERATOR awaitc::Generator<int> count(int n) {
  Tracer g("gen", n);
  for (int i = 0; i < n; ++i) {
    std::printf("yield %d\n", i);
    YIELD(i);
  }
  std::printf("gen %d done\n", n);
}

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> consume() {
  for (int v : count(2))
    AWAIT(step("body", v));
  std::printf("after first\n");
  for (int v : count(AWAIT(step("size", 3)))) {
    if (v == 1) {
      std::printf("break\n");
      break;
    }
    AWAIT(step("body", v));
  }
  std::printf("after second\n");
  awaitc::Generator<int> stored = count(1);
  AWAIT(awaitc::sleep(0));
  for (int v : stored)
    AWAIT(step("stored", v));
  std::printf("after third\n");
}

int main() {
  std::printf("begin\n");
  awaitc::run(consume());
  print_live();
}
