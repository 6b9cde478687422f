#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> f() {
  AWAIT(awaitc::sleep(0));
  YIELD(1);
  return 1;
}
