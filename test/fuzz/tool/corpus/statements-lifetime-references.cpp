#include "tracer.h"

#include <vector>

Tracer make(const char *name, int value) {
  Tracer t(name);  // guaranteed copy elision: no copy or move needed
  (void)value;
  return Tracer(name, value);
}

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> references() {
  {
    const Tracer &r = make("tmp", 1);
    std::printf("bound\n");
    AWAIT(awaitc::sleep(0));
    r.use();
    std::printf("leaving block\n");
  }
  std::printf("left block\n");
  Tracer local("local");
  Tracer &alias = local;
  alias.set(AWAIT(later(5)));
  std::printf("local value %d\n", local.value());
  local.set(6);
  AWAIT(awaitc::sleep(0));
  std::printf("alias value %d\n", alias.value());
  auto &&fwd_tmp = make("fwd", 2);
  auto &&fwd_lvalue = local;
  AWAIT(awaitc::sleep(0));
  fwd_tmp.use();
  fwd_lvalue.use();
  std::vector<int> v = {1, 2, 3};
  int &elem = v[1];
  elem = AWAIT(later(20));
  int other = AWAIT(later(elem + 1));
  std::printf("v[1]=%d other=%d\n", v[1], other);
  const int &ci = AWAIT(later(7));  // binds to the awaited value's temporary
  AWAIT(awaitc::sleep(0));
  std::printf("ci=%d\n", ci);
}

int main() {
  std::printf("begin\n");
  awaitc::run(references());
  print_live();
}
