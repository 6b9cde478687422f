// Every form of the AWAIT_EACH loop variable: by value (a copy of the
// awaited value), `auto`, `const auto&` and `auto&&` (bound to the value the
// loop holds, no copy), structured bindings by value and by reference, over
// values whose copies are traced. The loop variable is destroyed
// before the value the loop holds, each iteration. A body that suspends
// keeps both alive across its AWAITs.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
// RUN: %clang-syntax %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <utility>

class Item {
public:
  explicit Item(int id) : id_(id) { std::printf("make %d\n", id_); }
  Item(const Item &other) : id_(other.id_ + 100) {
    std::printf("copy %d\n", id_);
  }
  // Moves are not printed: how often the runtime moves a value on its way
  // to the loop differs between the back ends. A moved-from Item is empty.
  Item(Item &&other) noexcept : id_(std::exchange(other.id_, 0)) {}
  Item &operator=(const Item &) = delete;
  ~Item() {
    if (id_ != 0)
      std::printf("drop %d\n", id_);
  }
  int id() const { return id_; }

private:
  int id_;
};

AWAITC_ASYNC awaitc::AsyncGenerator<Item> items(int n) {
  for (int i = 1; i <= n; ++i) {
    AWAIT(awaitc::sleep(0));
    YIELD(Item(i));
  }
}

AWAITC_ASYNC awaitc::AsyncGenerator<std::pair<int, std::string>> pairs() {
  YIELD(std::make_pair(1, std::string("one")));
  std::pair<int, std::string> two(2, "two");
  AWAIT(awaitc::sleep(0));
  YIELD(two);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("-- by value\n");
  for (Item it : AWAIT_EACH(items(2)))
    std::printf("body %d\n", it.id());
  std::printf("-- auto\n");
  for (auto it : AWAIT_EACH(items(1)))
    std::printf("body %d\n", it.id());
  std::printf("-- const auto&\n");
  for (const auto &it : AWAIT_EACH(items(2)))
    std::printf("body %d\n", it.id());
  std::printf("-- auto&& across a suspension\n");
  for (auto &&it : AWAIT_EACH(items(2))) {
    AWAIT(awaitc::sleep(0));
    Item moved(std::move(it));
    std::printf("body %d, left %d\n", moved.id(), it.id());
  }
  std::printf("-- structured binding\n");
  for (auto [n, name] : AWAIT_EACH(pairs()))
    std::printf("pair %d %s\n", n, name.c_str());
  std::printf("-- structured binding by reference, across a suspension\n");
  for (const auto &[n, name] : AWAIT_EACH(pairs())) {
    AWAIT(awaitc::sleep(0));
    std::printf("pair %d %s\n", n, name.c_str());
  }
}

int main() { awaitc::run(main_coro()); }

// CHECK: -- by value
// CHECK-NEXT: make 1
// CHECK-NEXT: copy 101
// CHECK-NEXT: body 101
// CHECK-NEXT: drop 101
// CHECK-NEXT: drop 1
// CHECK-NEXT: make 2
// CHECK-NEXT: copy 102
// CHECK-NEXT: body 102
// CHECK-NEXT: drop 102
// CHECK-NEXT: drop 2
// CHECK-NEXT: -- auto
// CHECK-NEXT: make 1
// CHECK-NEXT: copy 101
// CHECK-NEXT: body 101
// CHECK-NEXT: drop 101
// CHECK-NEXT: drop 1
// CHECK-NEXT: -- const auto&
// CHECK-NEXT: make 1
// CHECK-NEXT: body 1
// CHECK-NEXT: drop 1
// CHECK-NEXT: make 2
// CHECK-NEXT: body 2
// CHECK-NEXT: drop 2
// CHECK-NEXT: -- auto&& across a suspension
// CHECK-NEXT: make 1
// CHECK-NEXT: body 1, left 0
// CHECK-NEXT: drop 1
// CHECK-NEXT: make 2
// CHECK-NEXT: body 2, left 0
// CHECK-NEXT: drop 2
// CHECK-NEXT: -- structured binding
// CHECK-NEXT: pair 1 one
// CHECK-NEXT: pair 2 two
// CHECK-NEXT: -- structured binding by reference, across a suspension
// CHECK-NEXT: pair 1 one
// CHECK-NEXT: pair 2 two
