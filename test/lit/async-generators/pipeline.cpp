// Async generators that iterate async generators (a pipeline): each stage's
// next() runs the stage below it, all in the consumer's task. Breaking out
// of the last stage closes the chain top-down, each stage's cleanup after
// the one it iterates; an exception at the bottom passes through every
// stage.
// RUN: %run-both %{strict-warnings} --out %t --expect-python %S/Inputs/pipeline.py %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

struct Stage {
  std::string name;
  ~Stage() { std::printf("close %s\n", name.c_str()); }
};

AWAITC_ASYNC awaitc::AsyncGenerator<int> source(int n, int fail_at) {
  Stage stage{"source"};
  for (int i = 0; i < n; ++i) {
    AWAIT(awaitc::sleep(0));
    if (i == fail_at)
      throw std::runtime_error("source failed");
    std::printf("source %d\n", i);
    YIELD(i);
  }
}

AWAITC_ASYNC awaitc::AsyncGenerator<int> doubled(int n, int fail_at) {
  Stage stage{"doubled"};
  for (int v : AWAIT_EACH(source(n, fail_at))) {
    AWAIT(awaitc::sleep(0));
    YIELD(2 * v);
  }
}

AWAITC_ASYNC awaitc::AsyncGenerator<std::string> labelled(int n, int fail_at) {
  Stage stage{"labelled"};
  for (int v : AWAIT_EACH(doubled(n, fail_at)))
    YIELD("#" + std::to_string(v));
}

AWAITC_ASYNC awaitc::Coro<void> ticker() {
  for (int i = 0; i < 4; ++i) {
    std::printf("tick %d\n", i);
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<void> t = awaitc::create_task(ticker());
  for (const std::string &s : AWAIT_EACH(labelled(5, -1))) {
    std::printf("got %s\n", s.c_str());
    if (s == "#2")
      break;
  }
  std::printf("after break\n");
  AWAIT(t);
  try {
    for (const std::string &s : AWAIT_EACH(labelled(5, 1)))
      std::printf("got %s\n", s.c_str());
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
  }
}

int main() { awaitc::run(main_coro()); }

// CHECK: tick 0
// CHECK-NEXT: source 0
// CHECK-NEXT: tick 1
// CHECK-NEXT: got #0
// CHECK-NEXT: tick 2
// CHECK-NEXT: source 1
// CHECK-NEXT: tick 3
// CHECK-NEXT: got #2
// CHECK-NEXT: close source
// CHECK-NEXT: close doubled
// CHECK-NEXT: close labelled
// CHECK-NEXT: after break
// CHECK-NEXT: source 0
// CHECK-NEXT: got #0
// CHECK-NEXT: close source
// CHECK-NEXT: close doubled
// CHECK-NEXT: close labelled
// CHECK-NEXT: caught source failed
