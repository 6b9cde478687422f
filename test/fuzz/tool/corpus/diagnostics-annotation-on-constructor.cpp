#include <awaitc/awaitc.h>

struct S {
  AWAITC_ASYNC S() {}
  AWAITC_ASYNC ~S() {}
  AWAITC_GENERATOR S(int) {}
};
