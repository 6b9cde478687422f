#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

#define BEGIN_ASYNC(name) AWAITC_ASYNC awaitc::Coro<int> name() {
#define END_ASYNC }

BEGIN_ASYNC(answer)
  return AWAIT(v(42));
END_ASYNC
