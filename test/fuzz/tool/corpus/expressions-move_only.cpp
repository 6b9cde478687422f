#include <awaitc/awaitc.h>

#include <cstdio>
#include <memory>
#include <utility>
#include <vector>

struct Noisy {
  explicit Noisy(int v) : v(v) { std::printf("Noisy(%d)\n", v); }
  Noisy(const Noisy &) = delete;
  ~Noisy() { std::printf("~Noisy(%d)\n", v); }
  int v;
};
using Ptr = std::unique_ptr<Noisy>;
AWAITC_ASYNC awaitc::Coro<Ptr> make(int v) {
  AWAIT(awaitc::sleep(0));
  return std::make_unique<Noisy>(v);
}
AWAITC_ASYNC awaitc::Coro<Ptr> pass(Ptr p) {
  AWAIT(awaitc::sleep(0));
  p->v += 1;
  return p;
}
static int take(Ptr p) {
  std::printf("take(%d)\n", p->v);
  return p->v;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  {
    Ptr a = AWAIT(make(1));
    AWAIT(awaitc::sleep(0));
    std::printf("a=%d\n", a->v);
  }
  take(AWAIT(make(2)));
  std::printf("deref=%d\n", AWAIT(make(3))->v);
  Ptr b = AWAIT(pass(AWAIT(make(4))));
  std::printf("b=%d\n", b->v);
  Ptr c = AWAIT(pass(std::move(b)));
  std::printf("c=%d b=%d\n", c->v, b == nullptr);
  awaitc::Task<Ptr> t = awaitc::create_task(make(7));
  Ptr d = AWAIT(std::move(t));
  std::printf("d=%d\n", d->v);
  std::vector<Ptr> vec;
  vec.push_back(AWAIT(make(8)));
  vec.emplace_back(AWAIT(make(9)));
  std::printf("vec=%d,%d\n", vec[0]->v, vec[1]->v);
  std::printf("end\n");
}

int main() { awaitc::run(main_coro()); }
