#include "tracer.h"

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> condition_and_body() {
  int i = 0;
  while (AWAIT(step("cond", i)) < 3) {
    Tracer t("body", i);
    ++i;
    if (i == 2)
      continue;
    AWAIT(step("body", i));
    t.use();
  }
  std::printf("after while i=%d\n", i);
}

AWAITC_ASYNC awaitc::Coro<void> condition_variable() {
  int n = 3;
  while (Flag f = Flag("flag", AWAIT(step("next", n)))) {
    --n;
    AWAIT(awaitc::sleep(0));
    std::printf("got %d\n", f.value());
  }
  std::printf("after while\n");
  int m = 2;
  while (int k = m--) {
    AWAIT(awaitc::sleep(0));
    std::printf("k=%d\n", k);
  }
  while (true) {
    Tracer once("once");
    AWAIT(awaitc::sleep(0));
    break;
  }
  std::printf("done\n");
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(condition_and_body());
  AWAIT(condition_variable());
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}
