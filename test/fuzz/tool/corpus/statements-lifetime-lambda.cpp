#include "tracer.h"

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> lambdas() {
  Tracer t("captured");
  int base = AWAIT(later(10));
  auto add = [&t, base](int k) {
    t.use();
    return base + k;
  };
  base = 100;  // the by-value capture keeps 10
  std::printf("add %d\n", add(AWAIT(later(1))));
  auto counter = [n = 0]() mutable { return ++n; };
  counter();
  AWAIT(awaitc::sleep(0));
  std::printf("counter %d\n", counter());
}

int main() {
  std::printf("begin\n");
  awaitc::run(lambdas());
  print_live();
}
