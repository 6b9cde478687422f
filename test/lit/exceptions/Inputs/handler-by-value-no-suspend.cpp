// Input of ../handler-by-value-suspends.cpp: a by-value handler that does
// not suspend, in a coroutine (accepted).
#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  try {
    AWAIT(awaitc::sleep(0));
    throw 5;
  } catch (int e) {
    std::printf("caught by value: %d\n", e);
  }
  AWAIT(awaitc::sleep(0));
}

int main() { awaitc::run(main_coro()); }
