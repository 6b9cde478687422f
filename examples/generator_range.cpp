// Generators: a body with YIELD becomes a lazy input range (here over the
// numbers of Python's range(10)). The body runs only when the loop asks for
// the next value, and stops at each YIELD.
// Python twin: generator_range.py
#include <awaitc/awaitc.h>

#include <cstdio>

// Like Python's range(stop): 0, 1, ..., stop - 1.
AWAITC_GENERATOR awaitc::Generator<int> up_to(int stop) {
  for (int i = 0; i < stop; ++i)
    YIELD(i);
}

// Prints around each YIELD, to show when the body runs.
AWAITC_GENERATOR awaitc::Generator<int> chatty_range(int stop) {
  std::printf("  generator starts\n");
  for (int i = 0; i < stop; ++i) {
    std::printf("  yield %d\n", i);
    YIELD(i);
    std::printf("  resumed after %d\n", i);
  }
  std::printf("  generator ends\n");
}

int main() {
  for (int v : up_to(10))
    std::printf("%d\n", v);

  int total = 0;
  for (int v : up_to(10))
    total += v;
  std::printf("sum of up_to(10) = %d\n", total);

  awaitc::Generator<int> gen = chatty_range(3);  // nothing runs yet
  std::printf("generator created\n");
  for (int v : gen)
    std::printf("got %d\n", v);

  for (int v : chatty_range(10)) {
    std::printf("got %d\n", v);
    if (v == 1)
      break;  // the generator is dropped, suspended at its YIELD
  }
  std::printf("stopped early\n");
}
