#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> f() {
  AWAIT(awaitc::sleep(0));
  return 1;
}

int broken() {
  int x = "not an int";
  return x;
}
