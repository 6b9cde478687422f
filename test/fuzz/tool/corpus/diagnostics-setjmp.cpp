#include <awaitc/awaitc.h>
#include <csetjmp>
static std::jmp_buf env;
AWAITC_ASYNC awaitc::Coro<void> f() {
  AWAIT(awaitc::sleep(0));
  if (setjmp(env) == 0) {
  }
}
