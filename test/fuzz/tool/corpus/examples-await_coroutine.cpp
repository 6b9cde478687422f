#include <awaitc/awaitc.h>

#include <cstdio>
#include <utility>

AWAITC_ASYNC awaitc::Coro<int> add(int a, int b) {
  std::printf("add(%d, %d) starts\n", a, b);
  AWAIT(awaitc::sleep(0));
  std::printf("add(%d, %d) returns %d\n", a, b, a + b);
  return a + b;
}

AWAITC_ASYNC awaitc::Coro<int> add_three(int a, int b, int c) {
  int ab = AWAIT(add(a, b));      // keep the awaited value in a local...
  int abc = AWAIT(add(ab, c));    // ...and use it after the next suspension
  return abc;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  int total = AWAIT(add_three(1, 2, 3));
  std::printf("total = %d\n", total);

  awaitc::Coro<int> later = add(10, 20);  // nothing runs yet
  std::printf("coroutine created, not started\n");
  int value = AWAIT(std::move(later));
  std::printf("value = %d\n", value);
}

int main() { awaitc::run(main_coro()); }
