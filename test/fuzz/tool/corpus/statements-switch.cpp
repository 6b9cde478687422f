#include "tracer.h"

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> dispatch(int n) {
  std::printf("-- %d\n", n);
  switch (AWAIT(step("disc", n))) {
  default:
    std::printf("default\n");
    AWAIT(awaitc::sleep(0));
    break;
  case 1:
    AWAIT(step("case1", 1));
    [[fallthrough]];
  case 2: {
    Tracer t("case2");
    AWAIT(step("case2", 2));
    if (n == 2)
      break;
    t.use();
  }
    [[fallthrough]];
  case 3:
    std::printf("case3\n");
    break;
  case 4:
    for (int i = 0; i < 3; ++i) {
      if (i == 1)
        continue;  // continues the for, not the switch
      AWAIT(step("loop", i));
    }
    std::printf("end case4\n");
  }
  std::printf("after switch\n");
}

AWAITC_ASYNC awaitc::Coro<const char *> with_init(int n) {
  switch (Tracer t("init"); n) {
  case 0:
    AWAIT(awaitc::sleep(0));
    t.use();
    return "zero";
  case 1:
    return "one";
  }
  return "other";
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  for (int n = 0; n <= 4; ++n)
    AWAIT(dispatch(n));
  std::printf("%s\n", AWAIT(with_init(0)));
  std::printf("%s\n", AWAIT(with_init(1)));
  std::printf("%s\n", AWAIT(with_init(2)));
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}
