#include <awaitc/awaitc.h>

AWAITC_GENERATOR awaitc::Generator<int> g() {
  YIELD(1);
  AWAIT(awaitc::sleep(0));
}
