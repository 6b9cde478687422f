// `log << f() << AWAIT(g()) << h()`: in C++17 the left operand of << and >>
// is sequenced before the right one, overloaded or not, so each insertion
// on the left happens before the suspension and the ones on the right after.
// A stream type records the order of its insertions.
// RUN: %run-both --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

struct Log {
  Log &operator<<(int x) {
    std::printf("  << %d\n", x);
    text += std::to_string(x) + " ";
    return *this;
  }
  Log &operator>>(int &x) {
    x = next++;
    std::printf("  >> %d\n", x);
    return *this;
  }
  std::string text;
  int next = 100;
};
static Log log_;
static Log &get_log(const char *why) {
  std::printf("get_log(%s)\n", why);
  return log_;
}
static int f(int x) {
  std::printf("f(%d)\n", x);
  return x;
}
AWAITC_ASYNC awaitc::Coro<int> g(int x) {
  std::printf("g(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  std::printf("g(%d) resumes\n", x);
  return x;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  get_log("chain") << f(1) << AWAIT(g(2)) << f(3);
  // CHECK: get_log(chain)
  // CHECK-NEXT: f(1)
  // CHECK-NEXT:   << 1
  // CHECK-NEXT: g(2) starts
  // CHECK-NEXT: g(2) resumes
  // CHECK-NEXT:   << 2
  // CHECK-NEXT: f(3)
  // CHECK-NEXT:   << 3

  log_ << AWAIT(g(4)) << AWAIT(g(5)) << f(6);
  // CHECK-NEXT: g(4) starts
  // CHECK-NEXT: g(4) resumes
  // CHECK-NEXT:   << 4
  // CHECK-NEXT: g(5) starts
  // CHECK-NEXT: g(5) resumes
  // CHECK-NEXT:   << 5
  // CHECK-NEXT: f(6)
  // CHECK-NEXT:   << 6

  // Built-in shifts: the value of the left side is taken before the
  // suspension.
  int bits = 1;
  int shifted = (bits << f(4)) << AWAIT(g(1));
  std::printf("shifted=%d\n", shifted);
  // CHECK: shifted=32

  int a = 0, b = 0;
  get_log("extract") >> a >> b;
  log_ << a << b;
  // CHECK: get_log(extract)
  // CHECK-NEXT:   >> 100
  // CHECK-NEXT:   >> 101
  std::printf("text=%s\n", log_.text.c_str());
  // CHECK: text=1 2 3 4 5 6 100 101
}

int main() { awaitc::run(main_coro()); }
