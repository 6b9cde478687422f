#include "tracer.h"

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> body_and_condition() {
  int i = 0;
  do {
    Tracer t("body", i);
    ++i;
    if (i == 2) {
      std::printf("continue\n");
      continue;
    }
    if (i == 4) {
      std::printf("break\n");
      break;
    }
    AWAIT(step("body", i));
  } while (AWAIT(step("cond", i)) < 10);
  std::printf("after do i=%d\n", i);
}

AWAITC_ASYNC awaitc::Coro<void> condition_false_first() {
  do {
    Tracer t("once");
    AWAIT(awaitc::sleep(0));
  } while (AWAIT(step("cond", 0)));
  int n = 0;
  do
    ++n;
  while (AWAIT(step("n", n)) < 3);
  std::printf("n=%d\n", n);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(body_and_condition());
  AWAIT(condition_false_first());
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}
