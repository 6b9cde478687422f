#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

struct Tracer {
  explicit Tracer(const char *n) : name(n), alive(true) {
    std::printf("Tracer(%s)\n", n);
  }
  Tracer(const Tracer &) = delete;
  ~Tracer() {
    std::printf("~Tracer(%s)\n", name);
    alive = false;
  }
  const Tracer &log(int x) const {
    std::printf("%s.log(%d) alive=%d\n", name, x, alive);
    return *this;
  }
  int id() const { return name[0]; }
  const char *name;
  bool alive;
};
AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  std::printf("v(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  std::printf("v(%d) resumes\n", x);
  return x;
}
AWAITC_ASYNC awaitc::Coro<int> read(const Tracer &t, const std::string &s) {
  std::printf("read(%s, %s)\n", t.name, s.c_str());
  AWAIT(awaitc::sleep(0));
  std::printf("read after sleep: alive=%d s=%s\n", t.alive, s.c_str());
  return int(s.size());
}
static int pair(const Tracer &a, int x) {
  std::printf("pair(%s, %d)\n", a.name, x);
  return x;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  Tracer("a").log(1).log(AWAIT(v(2)));
  std::printf("after a\n");

  (Tracer("b"), Tracer("c"), AWAIT(v(3)), Tracer("d"));

  int n = AWAIT(read(Tracer("e"), std::string("hello")));
  std::printf("n=%d\n", n);

  int m = pair(Tracer("f"), AWAIT(v(4))) + AWAIT(v(5));
  std::printf("m=%d\n", m);

  {
    const Tracer &ext = Tracer("g");
    AWAIT(v(6));
    ext.log(6);
    std::printf("end of scope\n");
  }

  if (Tracer("h").id() == 'h' && AWAIT(v(1)) == 1)
    std::printf("branch\n");
  std::printf("done\n");
}

int main() { awaitc::run(main_coro()); }
