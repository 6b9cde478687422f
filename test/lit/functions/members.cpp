// Member functions: private access through the frame, const members, static
// members, explicit this and implicit member calls, and recursion.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck %s --match-full-lines
// CHECK: w#2 got 10
// CHECK-NEXT: r=12 fact=120
#include <awaitc/awaitc.h>
#include <cstdio>
#include <string>
class Widget {
public:
  explicit Widget(std::string name) : name_(std::move(name)) {}
  awaitc::Coro<int> fetch(int x);
  AWAITC_ASYNC awaitc::Coro<std::string> describe() const {
    AWAIT(awaitc::sleep(0));
    return name_ + "#" + std::to_string(count_);
  }
  AWAITC_ASYNC static awaitc::Coro<int> twice(int v) { AWAIT(awaitc::sleep(0)); return 2 * v; }
private:
  int bump() { return ++count_; }
  std::string name_;
  int count_ = 0;
};
AWAITC_ASYNC awaitc::Coro<int> Widget::fetch(int x) {
  int got = AWAIT(twice(x));
  bump();
  this->bump();
  std::string d = AWAIT(describe());
  std::printf("%s got %d\n", d.c_str(), got);
  return count_ + got;
}
AWAITC_ASYNC awaitc::Coro<int> fact(int n) {
  if (n <= 1) return 1;
  return n * AWAIT(fact(n - 1));
}
AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  Widget w("w");
  int r = AWAIT(w.fetch(5));
  std::printf("r=%d fact=%d\n", r, AWAIT(fact(5)));
}
int main() { awaitc::run(main_coro()); }
