#include "tracer.h"

#include <vector>

AWAITC_ASYNC awaitc::Coro<int> step(const char *what, int v) {
  std::printf("step %s %d\n", what, v);
  AWAIT(awaitc::sleep(0));
  return v;
}

std::vector<int> make_vector(int n) {
  std::vector<int> v;
  for (int i = 0; i < n; ++i)
    v.push_back(10 * i);
  return v;
}

AWAITC_ASYNC awaitc::Coro<std::vector<int>> make_vector_async(int n) {
  AWAIT(awaitc::sleep(0));
  std::printf("made %d\n", n);
  return make_vector(n);
}

struct Range {
  Tracer tracer;
  int data[3];
  explicit Range(const char *name) : tracer(name), data{1, 2, 3} {}
  const int *begin() const { tracer.use(); return data; }
  const int *end() const { return data + 3; }
};

AWAITC_ASYNC awaitc::Coro<void> temporaries() {
  for (int v : make_vector(3))
    AWAIT(step("vec", v));
  for (int v : AWAIT(make_vector_async(2)))
    AWAIT(step("async", v));
  for (int v : Range("range")) {
    if (v == 3)
      break;
    AWAIT(step("r", v));
  }
  std::printf("after range loop\n");
  for (int v : {5, 6, 7}) {
    AWAIT(awaitc::sleep(0));
    std::printf("list %d\n", v);
  }
}

int main() {
  std::printf("begin\n");
  awaitc::run(temporaries());
  print_live();
}
