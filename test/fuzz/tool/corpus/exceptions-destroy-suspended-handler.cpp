#include "tracer.h"

struct Failure {
  explicit Failure(const char *n) : name(n) {
    ++live;
    std::printf("ctor Failure %s\n", name);
  }
  Failure(const Failure &other) : name(other.name) {
    ++live;
    std::printf("copy Failure %s\n", name);
  }
  ~Failure() {
    --live;
    std::printf("dtor Failure %s\n", name);
  }
  const char *name;
  static int live;
};
int Failure::live = 0;

AWAITC_ASYNC awaitc::Coro<void> child() {
  Tracer c("child");
  try {
    Tracer t("child-try");
    AWAIT(awaitc::sleep(0));
    throw Failure("inner");
  } catch (const Failure &f) {
    Tracer h("child-handler");
    AWAIT(awaitc::sleep(0));
    std::printf("child handling %s\n", f.name);
    AWAIT(awaitc::sleep(100));
    std::printf("not reached\n");
  }
}

AWAITC_ASYNC awaitc::Coro<void> root() {
  Tracer r("root");
  try {
    throw Failure("outer");
  } catch (Failure &f) {
    Tracer h("root-handler");
    AWAIT(awaitc::sleep(0));
    std::printf("root handling %s\n", f.name);
    AWAIT(child());
    std::printf("not reached\n");
  }
}

AWAITC_GENERATOR awaitc::Generator<int> numbers() {
  Tracer g("gen");
  try {
    throw Failure("gen");
  } catch (const Failure &f) {
    Tracer h("gen-handler");
    YIELD(1);
    std::printf("gen handling %s\n", f.name);
    YIELD(2);
    std::printf("not reached\n");
  }
}

int main() {
  {
    awaitc::EventLoop loop;
    awaitc::Task<void> task = awaitc::create_task(root());
    for (int i = 0; i < 5; ++i)
      loop.run_once();
    std::printf("destroying the loop\n");
  }
  std::printf("live %d, failures %d\n", Tracer::live(), Failure::live);
  for (int v : numbers()) {
    std::printf("got %d\n", v);
    if (v == 2)
      break;
  }
  std::printf("failures %d\n", Failure::live);
  print_live();
}
