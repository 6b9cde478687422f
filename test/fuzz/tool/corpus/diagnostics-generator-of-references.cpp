#include <awaitc/awaitc.h>
AWAITC_GENERATOR awaitc::Generator<int &> elements(int *first, int *last) {
  for (; first != last; ++first)
    YIELD(*first);
}
