#include <awaitc/awaitc.h>

#include <cstdio>
#include <memory>
#include <string>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}
struct Tracer {
  explicit Tracer(const char *n) : name(n) { std::printf("Tracer(%s)\n", n); }
  ~Tracer() { std::printf("~Tracer(%s)\n", name); }
  int plus(int x) const { return x + 1000; }
  const char *name;
};

AWAITC_ASYNC awaitc::Coro<int> plain() { return AWAIT(v(1)) + 1; }
AWAITC_ASYNC awaitc::Coro<int> two() { return AWAIT(v(20)) + AWAIT(v(3)); }
AWAITC_ASYNC awaitc::Coro<int> forward() { return AWAIT(plain()); }
AWAITC_ASYNC awaitc::Coro<std::unique_ptr<int>> make(int x) {
  AWAIT(awaitc::sleep(0));
  return std::make_unique<int>(x);
}
AWAITC_ASYNC awaitc::Coro<std::unique_ptr<int>> forward_ptr() {
  return AWAIT(make(7));
}
AWAITC_ASYNC awaitc::Coro<std::string> str() {
  return std::string("s") + std::to_string(AWAIT(v(9)));
}
AWAITC_ASYNC awaitc::Coro<int> with_temp() {
  return Tracer("ret").plus(AWAIT(v(5)));
}
AWAITC_ASYNC awaitc::Coro<int> early(bool b) {
  if (b)
    return AWAIT(v(100));
  AWAIT(awaitc::sleep(0));
  return -AWAIT(v(100));
}
AWAITC_ASYNC awaitc::Coro<int> ternary(int x) {
  return x > 0 ? AWAIT(v(x)) : -1;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("plain=%d two=%d forward=%d\n", AWAIT(plain()), AWAIT(two()),
              AWAIT(forward()));
  std::unique_ptr<int> p = AWAIT(forward_ptr());
  std::printf("ptr=%d\n", *p);
  std::printf("str=%s\n", AWAIT(str()).c_str());
  int t = AWAIT(with_temp());
  std::printf("with_temp=%d\n", t);
  std::printf("early=%d,%d\n", AWAIT(early(true)), AWAIT(early(false)));
  std::printf("ternary=%d,%d\n", AWAIT(ternary(4)), AWAIT(ternary(-4)));
}

int main() { awaitc::run(main_coro()); }
