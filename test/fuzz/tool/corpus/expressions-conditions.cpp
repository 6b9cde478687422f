#include <awaitc/awaitc.h>

#include <cstdio>

static int evaluations = 0;
AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  ++evaluations;
  AWAIT(awaitc::sleep(0));
  return x;
}
AWAITC_ASYNC awaitc::Coro<bool> below(int i, int n) {
  AWAIT(awaitc::sleep(0));
  std::printf("below(%d, %d)\n", i, n);
  return i < n;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  if (AWAIT(v(1)))
    std::printf("if true\n");
  if (AWAIT(v(0)))
    std::printf("never\n");
  else
    std::printf("else\n");

  if (int x = AWAIT(v(3)); x > 2)
    std::printf("init x=%d\n", x);
  if (int y = AWAIT(v(0)))
    std::printf("never %d\n", y);
  else
    std::printf("decl y=%d\n", y);

  int i = 0;
  while (AWAIT(below(i, 2)))
    ++i;
  std::printf("while i=%d\n", i);

  int n = 3;
  while (int k = AWAIT(v(n))) {
    std::printf("k=%d\n", k);
    --n;
  }

  int j = 0;
  do {
    std::printf("do j=%d\n", j);
  } while (AWAIT(below(++j, 2)));

  for (int a = AWAIT(v(10)); AWAIT(below(a, 12)); a += AWAIT(v(1)))
    std::printf("for a=%d\n", a);

  for (int m = 0; m < 5; ++m) {
    switch (AWAIT(v(m % 3))) {
    case 0:
      std::printf("zero\n");
      break;
    case 1:
      std::printf("one\n");
      [[fallthrough]];
    default:
      std::printf("default\n");
    }
  }
  switch (int s = AWAIT(v(7)); s + 1) {
  case 8:
    std::printf("switch init s=%d\n", s);
    break;
  }
  std::printf("evaluations=%d\n", evaluations);
}

int main() { awaitc::run(main_coro()); }
