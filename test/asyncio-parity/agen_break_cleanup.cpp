// Leaving an AWAIT_EACH loop early (break, return, an exception) destroys
// the generator at once: the body's locals are destroyed at the YIELD where
// it is suspended, innermost first, before the code after the loop (asyncio:
// `async with aclosing(gen())` around `async for`, the destructors being
// the finally blocks). Python: agen_break_cleanup.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

class Resource {
public:
  explicit Resource(std::string name) : name_(std::move(name)) {
    std::printf("open %s\n", name_.c_str());
  }
  Resource(const Resource &) = delete;
  Resource &operator=(const Resource &) = delete;
  ~Resource() { std::printf("close %s\n", name_.c_str()); }

private:
  std::string name_;
};

AWAITC_ASYNC awaitc::AsyncGenerator<int> rows(std::string name, int n) {
  Resource outer(name + ".conn");
  for (int i = 0; i < n; ++i) {
    Resource inner(name + ".row" + std::to_string(i));
    AWAIT(awaitc::sleep(0));
    YIELD(i);
  }
  std::printf("%s exhausted\n", name.c_str());
}

AWAITC_ASYNC awaitc::Coro<int> first_over(int limit) {
  for (int v : AWAIT_EACH(rows("ret", 5)))
    if (v > limit)
      return v;
  return -1;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  for (int v : AWAIT_EACH(rows("brk", 5))) {
    std::printf("brk got %d\n", v);
    if (v == 1) {
      std::printf("break\n");
      break;
    }
  }
  std::printf("after break\n");
  std::printf("returned %d\n", AWAIT(first_over(0)));
  try {
    for (int v : AWAIT_EACH(rows("exc", 5)))
      if (v == 2)
        throw std::invalid_argument("stop at 2");
  } catch (const std::invalid_argument &e) {
    std::printf("caught %s\n", e.what());
  }
  for (int v : AWAIT_EACH(rows("all", 2)))
    std::printf("all got %d\n", v);
  std::printf("done\n");
}

int main() { awaitc::run(main_coro()); }
