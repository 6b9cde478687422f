#include "shared.awaitc.h"
int from_tu2() {
  Counter<int> c{42};
  return awaitc::run(c.next()) + 0 * awaitc::run(shared_answer(1));
}
