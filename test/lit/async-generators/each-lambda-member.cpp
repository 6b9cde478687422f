// Async generators as annotated lambdas and as members of a class template
// (using `this`), iterated with AWAIT_EACH; values moved out of the loop
// variable through `auto&&`.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

template <class T> class Store {
public:
  explicit Store(std::vector<T> items) : items_(std::move(items)) {}
  AWAITC_ASYNC awaitc::AsyncGenerator<T> scan(int step) {
    for (std::size_t i = 0; i < items_.size();
         i += static_cast<std::size_t>(step)) {
      AWAIT(awaitc::sleep(0));
      YIELD(items_[i]);
    }
  }

private:
  std::vector<T> items_;
};

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  auto gen = [](int n) AWAITC_ASYNC -> awaitc::AsyncGenerator<std::string> {
    for (int i = 0; i < n; ++i) {
      AWAIT(awaitc::sleep(0));
      YIELD(std::string(static_cast<std::size_t>(i + 1), 'x'));
    }
  };
  for (auto &&s : AWAIT_EACH(gen(3))) {
    std::string moved = std::move(s);
    std::printf("moved %s, left '%s'\n", moved.c_str(), s.c_str());
  }
  Store<int> ints({1, 2, 3, 4, 5});
  for (int v : AWAIT_EACH(ints.scan(2)))
    std::printf("int %d\n", v);
  Store<std::string> words({"a", "b", "c"});
  for (const std::string &w : AWAIT_EACH(words.scan(1)))
    for (const std::string &s : AWAIT_EACH(gen(2)))
      std::printf("%s%s\n", w.c_str(), s.c_str());
}

int main() { awaitc::run(main_coro()); }

// CHECK: moved x, left ''
// CHECK-NEXT: moved xx, left ''
// CHECK-NEXT: moved xxx, left ''
// CHECK-NEXT: int 1
// CHECK-NEXT: int 3
// CHECK-NEXT: int 5
// CHECK-NEXT: ax
// CHECK-NEXT: axx
// CHECK-NEXT: bx
// CHECK-NEXT: bxx
// CHECK-NEXT: cx
// CHECK-NEXT: cxx
