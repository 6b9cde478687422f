#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<void> f() {
  void *target = &&done;
  AWAIT(awaitc::sleep(0));
  goto *target;
done:;
}
