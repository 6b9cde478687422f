#include <awaitc/awaitc.h>
#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

#define ADD100(b) b + 100
#define ID(x) x
#define PLUS +
#define TIMES(a) a *
#define CALL(f, x) f(x)
#define FIRST(a, b) a
#define TRACE(fmt, ...) std::printf(fmt "\n", ##__VA_ARGS__)

AWAITC_ASYNC awaitc::Coro<int> operator_and_operand() {
  return ADD100(AWAIT(v(1)));
}

AWAITC_ASYNC awaitc::Coro<int> whole_expression() {
  return ID(AWAIT(v(2)) * 10 + AWAIT(v(3)));
}

AWAITC_ASYNC awaitc::Coro<int> operator_only() {
  return 1 PLUS AWAIT(v(4)) PLUS TIMES(2) AWAIT(v(5));
}

AWAITC_ASYNC awaitc::Coro<int> inside_marker() {
  return AWAIT(CALL(v, 6)) + FIRST(AWAIT(v(7)), 1000);
}

AWAITC_ASYNC awaitc::Coro<int> variadic(int &out) {
  int &ref = out;
  TRACE("trace %d %d", AWAIT(v(8)), AWAIT(v(9)));
  TRACE("no arguments");
  AWAIT(v(0));
  ref = ADD100(ref) + AWAIT(v(10));
  return ref;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("%d\n", AWAIT(operator_and_operand()));
  std::printf("%d\n", AWAIT(whole_expression()));
  std::printf("%d\n", AWAIT(operator_only()));
  std::printf("%d\n", AWAIT(inside_marker()));
  int out = 5;
  std::printf("%d\n", AWAIT(variadic(out)));
  std::printf("out %d\n", out);
}

int main() { awaitc::run(main_coro()); }
