#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> g(int x) {
  std::printf("g(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  std::printf("g(%d) returns\n", x);
  return x;
}
AWAITC_ASYNC awaitc::Coro<int> f(int x) {
  std::printf("f(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  std::printf("f(%d) returns %d\n", x, x * 10);
  return x * 10;
}
AWAITC_ASYNC awaitc::Coro<int> add(int a, int b) {
  AWAIT(awaitc::sleep(0));
  return a + b;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  int a = AWAIT(f(AWAIT(g(1))));
  std::printf("a=%d\n", a);
  int b = AWAIT(f(AWAIT(f(AWAIT(g(2))))));
  std::printf("b=%d\n", b);
  int c = AWAIT(add(AWAIT(g(3)), AWAIT(g(4))));
  std::printf("c=%d\n", c);
  int d = AWAIT(add(AWAIT(add(AWAIT(g(1)), 2)), AWAIT(add(3, AWAIT(g(4))))));
  std::printf("d=%d\n", d);
  int e = AWAIT(awaitc::create_task(f(AWAIT(g(5)))));
  std::printf("e=%d\n", e);
  std::printf("%d\n", AWAIT(f(AWAIT(g(6)) + AWAIT(g(7)))));
}

int main() { awaitc::run(main_coro()); }
