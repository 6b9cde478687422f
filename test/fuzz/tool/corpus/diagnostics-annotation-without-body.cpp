#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> declared_only(int x);
