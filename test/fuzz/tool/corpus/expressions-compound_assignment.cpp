#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

static int x = 0;
AWAITC_ASYNC awaitc::Coro<int> bump_then(int value) {
  std::printf("bump starts, x=%d\n", x);
  AWAIT(awaitc::sleep(0));
  x += 100;
  std::printf("bump resumes, x=%d\n", x);
  return value;
}
static int &lhs(const char *what) {
  std::printf("lhs(%s), x=%d\n", what, x);
  return x;
}
static std::string s = "a";
AWAITC_ASYNC awaitc::Coro<std::string> append_then(const char *value) {
  AWAIT(awaitc::sleep(0));
  s += "!";
  return value;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  x = 1;
  x += AWAIT(bump_then(5));
  std::printf("x=%d\n", x);

  x = 2;
  x *= AWAIT(bump_then(3));
  std::printf("x=%d\n", x);

  x = 1;
  lhs("assign") = AWAIT(bump_then(7));
  std::printf("x=%d\n", x);

  x = 1;
  lhs("compound") -= AWAIT(bump_then(1));
  std::printf("x=%d\n", x);

  s += AWAIT(append_then("b"));
  std::printf("s=%s\n", s.c_str());

  int arr[2] = {10, 20};
  int *p = arr;
  *p++ += AWAIT(bump_then(1));
  std::printf("arr=%d,%d p-arr=%d\n", arr[0], arr[1], int(p - arr));

  int a = 0, b = 0;
  a = b = AWAIT(bump_then(9));
  std::printf("a=%d b=%d\n", a, b);
  int c = 4;
  c = c + 1, c += AWAIT(bump_then(10));
  std::printf("c=%d\n", c);
}

int main() { awaitc::run(main_coro()); }
