// Cancelling a task while it iterates an async generator. If the generator
// is suspended in an AWAIT of its own (inside next()), CancelledError is
// thrown there, in the generator, runs its handler and cleanup, and reaches
// the AWAIT_EACH loop. If the loop's body is the one waiting, CancelledError
// is thrown in the body, and leaving the loop destroys the generator at its
// YIELD (cleanup only: no CancelledError in the generator). Python:
// agen_cancel.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

struct Cleanup {
  std::string name;
  ~Cleanup() { std::printf("%s gen cleanup\n", name.c_str()); }
};

AWAITC_ASYNC awaitc::AsyncGenerator<int> source(std::string name,
                                                awaitc::Event &ev,
                                                bool wait_in_gen) {
  Cleanup cleanup{name};
  try {
    std::printf("%s yields 1\n", name.c_str());
    YIELD(1);
    if (wait_in_gen) {
      std::printf("%s gen waits\n", name.c_str());
      AWAIT(ev.wait());
    }
    std::printf("%s yields 2\n", name.c_str());
    YIELD(2);
  } catch (const awaitc::CancelledError &) {
    std::printf("%s gen cancelled\n", name.c_str());
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> consumer(std::string name, awaitc::Event &ev,
                                         bool wait_in_gen) {
  try {
    for (int v : AWAIT_EACH(source(name, ev, wait_in_gen))) {
      std::printf("%s got %d\n", name.c_str(), v);
      if (!wait_in_gen) {
        std::printf("%s body waits\n", name.c_str());
        AWAIT(ev.wait());
      }
    }
  } catch (const awaitc::CancelledError &) {
    std::printf("%s consumer cancelled\n", name.c_str());
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Event ev;
  const char *names[] = {"in-gen", "in-body"};
  for (int i = 0; i < 2; ++i) {
    std::string name = names[i];
    awaitc::Task<void> t = awaitc::create_task(consumer(name, ev, i == 0));
    AWAIT(awaitc::sleep(0));
    AWAIT(awaitc::sleep(0));
    std::printf("cancel %s: %s\n", name.c_str(), py(t.cancel()));
    try {
      AWAIT(t);
    } catch (const awaitc::CancelledError &) {
      std::printf("%s task cancelled: %s\n", name.c_str(), py(t.cancelled()));
    }
  }
}

int main() { awaitc::run(main_coro()); }
