#include "tracer.h"

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

struct Box {
  int items[3];
};

AWAITC_ASYNC awaitc::Coro<void> arrays() {
  int a[4] = {1, 2, 3, 4};
  int sum = 0;
  for (int e : a) {
    if (e == 3)
      continue;
    sum += AWAIT(step("e", e));
  }
  std::printf("sum %d\n", sum);
  const char *names[] = {"x", "y"};
  for (const char *n : names) {
    Tracer t(n);
    AWAIT(awaitc::sleep(0));
    t.use();
  }
  Box box = {{7, 8, 9}};
  for (int i : box.items) {
    if (i == 9)
      break;
    AWAIT(step("item", i));
  }
  int grid[2][2] = {{1, 2}, {3, 4}};
  for (auto &row : grid)
    for (int cell : row)
      AWAIT(step("cell", cell));
}

int main() {
  std::printf("begin\n");
  awaitc::run(arrays());
  print_live();
}
