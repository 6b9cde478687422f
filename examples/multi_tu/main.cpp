// A program of two translation units, built with CMake:
// awaitc_target_sources() transpiles main.cpp, worker.cpp and shared.h at
// build time (see CMakeLists.txt). Python twin: multi_tu.py
#include "shared.h"

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<int> a = awaitc::create_task(worker("a", 2));
  awaitc::Task<int> b = awaitc::create_task(worker("b", 3));
  int mine = AWAIT(step("main", 10)); // runs now, inside this task
  std::printf("main: got %d\n", mine);
  int from_a = AWAIT(a);
  int from_b = AWAIT(b);
  std::printf("results: a=%d b=%d, %d steps in all\n", from_a, from_b,
              total_steps);
}

int main() { awaitc::run(main_coro()); }
