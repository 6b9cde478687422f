#include <awaitc/awaitc.h>

AWAITC_ASYNC int f() { return 1; }
AWAITC_GENERATOR awaitc::Coro<int> g() { return 1; }
