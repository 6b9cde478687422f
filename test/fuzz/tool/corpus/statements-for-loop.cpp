#include "tracer.h"

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> all_parts() {
  for (int i = AWAIT(step("init", 0)); AWAIT(step("cond", i < 3));
       i = AWAIT(step("inc", i + 1))) {
    Tracer body("body", i);
    if (i == 1) {
      std::printf("continue at 1\n");
      continue;
    }
    AWAIT(step("body", i));
  }
  std::printf("after loop\n");
}

AWAITC_ASYNC awaitc::Coro<void> init_object() {
  for (Tracer t("loopvar"); t.value() < 4; t.set(t.value() + AWAIT(step("inc", 2)))) {
    std::printf("value %d\n", t.value());
    if (t.value() == 2)
      break;
  }
  std::printf("after loop\n");
  for (int a = 0, b = AWAIT(step("b", 10));; ++a, --b) {
    if (a >= b - 7) {
      std::printf("break a=%d b=%d\n", a, b);
      break;
    }
    AWAIT(awaitc::sleep(0));
  }
  int sum = 0;
  for (int k = 0; k < 4; ++k)
    sum += k;
  std::printf("sum %d\n", AWAIT(step("sum", sum)));
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(all_parts());
  AWAIT(init_object());
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}
