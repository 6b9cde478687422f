#include <awaitc/awaitc.h>
#include <cstdio>
AWAITC_ASYNC awaitc::Coro<int> twice(int x) {
  AWAIT(awaitc::sleep(0));
  return 2 * x;
}
AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("a %d\n", AWAIT(twice(21)));
}
int main() { awaitc::run(main_coro()); }
