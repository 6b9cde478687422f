#include <awaitc/awaitc.h>
#include <cstdio>
AWAITC_ASYNC awaitc::Coro<int> twice(int x) {
  AWAIT(awaitc::sleep(0));
  return 2 * x;
}
AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("b %d\n", AWAIT(twice(4)));
}
int main() { awaitc::run(main_coro()); }
