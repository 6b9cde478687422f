#include <awaitc/awaitc.h>
#include <cstdio>

#define ASYNC_INT AWAITC_ASYNC awaitc::Coro<int>
#define ASYNC(T) AWAITC_ASYNC awaitc::Coro<T>
#define STATIC_ASYNC static AWAITC_ASYNC
#define MY_ASYNC AWAITC_ASYNC
#define INT_GENERATOR AWAITC_GENERATOR awaitc::Generator<int>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

ASYNC_INT f() { return AWAIT(v(1)); }
ASYNC(int) g() { return AWAIT(v(2)); }
STATIC_ASYNC awaitc::Coro<int> h() { return AWAIT(v(3)); }
MY_ASYNC awaitc::Coro<int> k() { return AWAIT(v(4)); }
INT_GENERATOR count(int n) {
  for (int i = 0; i < n; ++i)
    YIELD(i);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  int a = AWAIT(f());
  int b = AWAIT(g());
  int c = AWAIT(h());
  int d = AWAIT(k());
  std::printf("%d %d %d %d\n", a, b, c, d);
  for (int i : count(3))
    std::printf("%d\n", i);
}

int main() { awaitc::run(main_coro()); }
