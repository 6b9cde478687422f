#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>

AWAITC_ASYNC awaitc::Coro<void> by_value_class() {
  try {
    AWAIT(awaitc::sleep(0));
    throw std::runtime_error("x");
  } catch (std::runtime_error e) {
    AWAIT(awaitc::sleep(0));
    std::printf("%s\n", e.what());
  }
}

AWAITC_ASYNC awaitc::Coro<void> by_value_int() {
  try { throw 1;
  } catch (int e) {
    AWAIT(awaitc::sleep(0));
    std::printf("%d\n", e);
  }
}

int main() { awaitc::run(by_value_class()); }
