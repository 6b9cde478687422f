// Input of tool-depfile.test: includes a header of its own directory, and a
// macro that only the response file defines.
#include "depfile_header.h"
#include <awaitc/awaitc.h>
#include <cstdio>
AWAITC_ASYNC awaitc::Coro<int> twice(int x) {
  AWAIT(awaitc::sleep(0));
  return 2 * x;
}
int main() {
  std::printf("%s %d\n", DEPFILE_GREETING, awaitc::run(twice(depfile_base())));
}
