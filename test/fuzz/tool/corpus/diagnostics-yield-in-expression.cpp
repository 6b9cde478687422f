#include <awaitc/awaitc.h>
AWAITC_GENERATOR awaitc::Generator<int> g() {
  int next = (YIELD(1), 2);
  YIELD(next);
}
