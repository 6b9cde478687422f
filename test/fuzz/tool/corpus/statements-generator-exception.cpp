#include "tracer.h"

#include <stdexcept>

AWAITC_GENERATOR awaitc::Generator<int> failing(int fail_at) {
  Tracer g("gen");
  for (int i = 0;; ++i) {
    Tracer it("it", i);
    if (i == fail_at)
      throw std::runtime_error("boom at " + std::to_string(i));
    YIELD(i);
  }
}

int main() {
  std::printf("begin\n");
  try {
    Tracer consumer("consumer");
    for (int v : failing(2))
      std::printf("got %d\n", v);
    std::printf("not reached\n");
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
  }
  try {
    for (int v : failing(0))
      std::printf("got %d\n", v);
    std::printf("not reached\n");
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
  }
  print_live();
}
