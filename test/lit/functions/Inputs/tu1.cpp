#include "shared.awaitc.h"
#include <cstdio>
int from_tu2();
int main() {
  std::printf("tu1 %d\n", awaitc::run(shared_answer(0)));
  std::printf("tu2 %d\n", from_tu2());
}
