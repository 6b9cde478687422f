#include "tracer.h"

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s\n", what);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<const char *> classify(int n) {
  Tracer t("t", n);
  if (AWAIT(step("neg?", n < 0))) {
    Tracer neg("neg");
    AWAIT(awaitc::sleep(0));
    return "negative";
  } else if (n == AWAIT(step("zero?", 0))) {
    return "zero";
  } else if (n < 10) {
    AWAIT(awaitc::sleep(0));
    t.use();
  } else {
    Tracer big("big");
    AWAIT(awaitc::sleep(0));
    big.use();
    return "big";
  }
  std::printf("small falls through\n");
  return "small";
}

AWAITC_ASYNC awaitc::Coro<void> short_circuit(int a, int b) {
  std::printf("-- %d %d\n", a, b);
  if (AWAIT(step("a&&", a)) && AWAIT(step("b&&", b)))
    std::printf("and true\n");
  else
    std::printf("and false\n");
  if (AWAIT(step("a||", a)) || AWAIT(step("b||", b)))
    std::printf("or true\n");
  int v = a ? AWAIT(step("then", 10)) : AWAIT(step("else", 20));
  std::printf("v=%d\n", v);
  if (a)
    if (b)
      AWAIT(step("both", 0));
    else  // dangling else belongs to the inner if
      AWAIT(step("a only", 0));
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("%d is %s\n", -5, AWAIT(classify(-5)));
  std::printf("%d is %s\n", 0, AWAIT(classify(0)));
  std::printf("%d is %s\n", 3, AWAIT(classify(3)));
  std::printf("%d is %s\n", 42, AWAIT(classify(42)));
  AWAIT(short_circuit(0, 1));
  AWAIT(short_circuit(1, 0));
  AWAIT(short_circuit(1, 1));
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}
