#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> v(int x) { return x; }

int plain(int x = AWAIT(v(1)));
AWAITC_ASYNC awaitc::Coro<int> g(int x = AWAIT(v(2))) { return x; }
