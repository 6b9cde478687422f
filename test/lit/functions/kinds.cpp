// Functions of every kind: in a namespace and an anonymous namespace,
// static and inline, overloads (each gets its own frame), default
// arguments, a member function template, and a static member defined out of
// line.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck %s --match-full-lines
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

namespace net {
AWAITC_ASYNC awaitc::Coro<int> fetch(int x, int scale = 10) {
  AWAIT(awaitc::sleep(0));
  return x * scale;
}
AWAITC_ASYNC awaitc::Coro<std::string> fetch(std::string s) {
  AWAIT(awaitc::sleep(0));
  return s + "!";
}
namespace {
AWAITC_ASYNC awaitc::Coro<int> hidden(int x) {
  return AWAIT(fetch(x)) + 1;
}
} // namespace
} // namespace net

AWAITC_ASYNC static awaitc::Coro<int> local_helper(int x) {
  AWAIT(awaitc::sleep(0));
  return -x;
}

AWAITC_ASYNC inline awaitc::Coro<int> inline_helper() { return 5; }

struct Service {
  int base = 100;
  template <class T> AWAITC_ASYNC awaitc::Coro<T> add(T x) {
    AWAIT(awaitc::sleep(0));
    return x + static_cast<T>(base);
  }
  static awaitc::Coro<int> make(int x);
};

AWAITC_ASYNC awaitc::Coro<int> Service::make(int x) {
  AWAIT(awaitc::sleep(0));
  return x + 1;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  // CHECK: 30 20 hi!
  std::printf("%d %d %s\n", AWAIT(net::fetch(3)), AWAIT(net::fetch(2, 10)),
              AWAIT(net::fetch(std::string("hi"))).c_str());
  // CHECK-NEXT: 41 -7 5
  std::printf("%d %d %d\n", AWAIT(net::hidden(4)), AWAIT(local_helper(7)),
              AWAIT(inline_helper()));
  Service s;
  // CHECK-NEXT: 101 100.5 8
  std::printf("%d %.1f %d\n", AWAIT(s.add(1)), AWAIT(s.add(0.5)),
              AWAIT(Service::make(7)));
}

int main() { awaitc::run(main_coro()); }
