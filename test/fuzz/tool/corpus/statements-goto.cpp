#include "tracer.h"

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> backward_and_forward() {
  int n = 0;
again:
  n = n + AWAIT(step("again", 1));
  if (n < 3)
    goto again;  // backward jump over a suspension
  if (n == 3)
    goto skip;  // forward jump over a suspension
  AWAIT(step("skipped", 0));
skip:
  std::printf("n=%d\n", n);
}

AWAITC_ASYNC awaitc::Coro<void> goto_out_of_blocks() {
  Tracer outer("outer");
  {
    Tracer a("a");
    {
      Tracer b("b");
      AWAIT(awaitc::sleep(0));
      goto out;  // destroys b, then a; outer lives on
    }
  }
out:
  std::printf("out\n");
  AWAIT(awaitc::sleep(0));
  outer.use();
}

AWAITC_ASYNC awaitc::Coro<void> continue_outer() {
  for (int i = 0; i < 3; ++i) {
    Tracer row("row", i);
    for (int j = 0; j < 3; ++j) {
      Tracer cell("cell", 10 * i + j);
      AWAIT(step("cell", 10 * i + j));
      if (j == 1)
        goto next_row;  // continue outer
      if (i == 2)
        goto done;  // break outer
    }
    std::printf("row %d not finished\n", i);
  next_row:;
  }
done:
  std::printf("done\n");
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  AWAIT(backward_and_forward());
  AWAIT(goto_out_of_blocks());
  AWAIT(continue_outer());
}

int main() {
  std::printf("begin\n");
  awaitc::run(main_coro());
  print_live();
}
