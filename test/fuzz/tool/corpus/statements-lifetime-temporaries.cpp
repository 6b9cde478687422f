#include "tracer.h"

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<int> read(const Tracer &t, int v) {
  AWAIT(awaitc::sleep(0));
  t.use();
  return v;
}

struct Sink {
  Tracer tracer;
  explicit Sink(const char *name) : tracer(name) {}
  int take(int v) const {
    tracer.use();
    return v;
  }
  bool ok() const { return true; }
};

AWAITC_ASYNC awaitc::Coro<void> temporaries() {
  int r = AWAIT(read(Tracer("arg"), 1));
  std::printf("r=%d\n", r);
  int s = Sink("sink").take(AWAIT(later(2)));
  std::printf("s=%d\n", s);
  bool both = Sink("left").ok() && AWAIT(later(1)) && Sink("right").ok();
  std::printf("both=%d\n", both);
  int c = AWAIT(later(0)) ? Sink("then").take(3) : Sink("else").take(4);
  std::printf("c=%d\n", c);
  std::printf("sum=%d\n", AWAIT(read(Tracer("a"), 10)) + 1);
}

int main() {
  std::printf("begin\n");
  awaitc::run(temporaries());
  print_live();
}
