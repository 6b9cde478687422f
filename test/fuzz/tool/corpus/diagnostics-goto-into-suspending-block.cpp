#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<void> f(int x) {
  if (x) goto in;
  {
    AWAIT(awaitc::sleep(0));
  in:
    x = 2;
  }
}
