#include <awaitc/awaitc.h>
AWAITC_ASYNC awaitc::Coro<int> f(int n) {
  int m = n + 1;
  int a[m];
  AWAIT(awaitc::sleep(0));
  return a[0];
}
