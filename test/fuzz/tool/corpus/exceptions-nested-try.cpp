#include "tracer.h"

#include <stdexcept>
#include <string>

struct Level1 : std::runtime_error { using std::runtime_error::runtime_error; };
struct Level2 : std::runtime_error { using std::runtime_error::runtime_error; };

AWAITC_ASYNC awaitc::Coro<void> fail(int which) {
  AWAIT(awaitc::sleep(0));
  if (which == 1)
    throw Level1("one");
  if (which == 2)
    throw Level2("two");
  if (which == 3)
    throw 3;
}

AWAITC_ASYNC awaitc::Coro<void> run_case(int which) {
  std::printf("case %d\n", which);
  try {
    Tracer a("a", which);
    AWAIT(awaitc::sleep(0));
    try {
      Tracer b("b", which);
      AWAIT(awaitc::sleep(0));
      try {
        Tracer c("c", which);
        AWAIT(fail(which));
        std::printf("no throw\n");
      } catch (const int &k) {
        std::printf("level 3 caught %d\n", k);
        AWAIT(awaitc::sleep(0));
        b.use();
      }
      AWAIT(awaitc::sleep(0));
      std::printf("after level 3\n");
    } catch (const Level2 &e) {
      std::printf("level 2 caught %s\n", e.what());
      AWAIT(awaitc::sleep(0));
      a.use();
      throw;
    }
    std::printf("after level 2\n");
  } catch (const std::runtime_error &e) {
    std::printf("level 1 caught %s\n", e.what());
    AWAIT(awaitc::sleep(0));
    std::printf("level 1 still %s\n", e.what());
  }
  std::printf("end case %d\n", which);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  for (int which = 0; which < 4; ++which)
    AWAIT(run_case(which));
}

int main() {
  awaitc::run(main_coro());
  print_live();
}
