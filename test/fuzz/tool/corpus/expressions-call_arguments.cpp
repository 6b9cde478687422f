#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  std::printf("v(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  std::printf("v(%d) resumes\n", x);
  return x;
}
static int mark(int x) {
  std::printf("mark(%d)\n", x);
  return x;
}
static int one(int a) {
  std::printf("one(%d)\n", a);
  return a;
}
static int three(int a, int b, int c) {
  std::printf("three(%d, %d, %d)\n", a, b, c);
  return a + b + c;
}
using Fn = int (*)(int);
static Fn pick(const char *why) {
  std::printf("pick(%s)\n", why);
  return &one;
}
struct Pair {
  int a, b;
};
static int pair_sum(Pair p) { return p.a * 10 + p.b; }

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  one(AWAIT(v(1)));

  one((mark(2), AWAIT(v(3)), mark(4)));
  one(mark(AWAIT(v(5))));

  three(mark(6), AWAIT(v(7)), 8);
  int x = 10;
  three(x, AWAIT(v(11)), x + 2);

  pick("callee")(AWAIT(v(13)));

  std::printf("sum=%d\n", pair_sum(Pair{mark(1), AWAIT(v(2))}));

  int r = one(AWAIT(v(20))) + 1;
  std::printf("r=%d\n", r);
}

int main() { awaitc::run(main_coro()); }
