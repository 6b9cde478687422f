#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

#define MAYBE_UNUSED_INT [[maybe_unused]] int

AWAITC_ASYNC awaitc::Coro<int> declarators() {
  int a = AWAIT(v(1)), b = AWAIT(v(2)), *p = &a;
  int c = 3, d = AWAIT(v(4)) + c;
  std::printf("hoisted %d %d %d %d %d\n", a, b, *p, c, d);
  {
    int x = AWAIT(v(5)), y = AWAIT(v(6)) + x, z = y * 2;
    std::printf("plain %d %d %d\n", x, y, z);
  }
  {
    MAYBE_UNUSED_INT r = AWAIT(v(7)), s = 8;
    std::printf("macro %d %d\n", r, s);
  }
  return a + b + c + d;
}

int main() { std::printf("sum %d\n", awaitc::run(declarators())); }
