// AWAIT in initializers: copy-, direct- and list-initialization, auto,
// aggregates and arrays. Elements of a braced list are evaluated left to
// right ([dcl.init.list]/4), each element's suspension included.
// RUN: %run-both --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <vector>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  std::printf("v(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  std::printf("v(%d) resumes\n", x);
  return x;
}
static int mark(int x) {
  std::printf("mark(%d)\n", x);
  return x;
}
struct NoDefault {
  explicit NoDefault(int x) : x(x) { std::printf("NoDefault(%d)\n", x); }
  NoDefault(const NoDefault &) = delete;
  ~NoDefault() { std::printf("~NoDefault(%d)\n", x); }
  int x;
};
struct Two {
  Two(int a, int b) : a(a), b(b) { std::printf("Two(%d, %d)\n", a, b); }
  int a, b;
};
struct Agg {
  int a;
  std::string s;
  int c;
};

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  int copy = AWAIT(v(1));
  int direct(AWAIT(v(2)));
  int list{AWAIT(v(3))};
  auto deduced = AWAIT(v(4));
  std::printf("%d %d %d %d\n", copy, direct, list, deduced);
  // CHECK: v(4) resumes
  // CHECK-NEXT: 1 2 3 4

  {
    // CHECK-NEXT: v(5) starts
    // CHECK-NEXT: v(5) resumes
    // CHECK-NEXT: NoDefault(5)
    NoDefault nd(AWAIT(v(5)));
    // CHECK-NEXT: v(6) starts
    // CHECK-NEXT: v(6) resumes
    // CHECK-NEXT: nd.x=5
    AWAIT(v(6));
    std::printf("nd.x=%d\n", nd.x);
    // CHECK-NEXT: ~NoDefault(5)
  }

  // Braced lists: strictly left to right.
  // CHECK-NEXT: mark(10)
  // CHECK-NEXT: v(11) starts
  // CHECK-NEXT: v(11) resumes
  // CHECK-NEXT: mark(12)
  // CHECK-NEXT: v(13) starts
  // CHECK-NEXT: v(13) resumes
  std::vector<int> vec{mark(10), AWAIT(v(11)), mark(12), AWAIT(v(13))};
  // CHECK-NEXT: vec 10 11 12 13
  std::printf("vec %d %d %d %d\n", vec[0], vec[1], vec[2], vec[3]);

  // CHECK-NEXT: v(20) starts
  // CHECK-NEXT: v(20) resumes
  // CHECK-NEXT: mark(21)
  // CHECK-NEXT: v(22) starts
  // CHECK-NEXT: v(22) resumes
  int arr[3] = {AWAIT(v(20)), mark(21), AWAIT(v(22))};
  // CHECK-NEXT: arr 20 21 22
  std::printf("arr %d %d %d\n", arr[0], arr[1], arr[2]);

  // CHECK-NEXT: mark(30)
  // CHECK-NEXT: v(31) starts
  // CHECK-NEXT: v(31) resumes
  // CHECK-NEXT: Two(30, 31)
  Two two{mark(30), AWAIT(v(31))};
  // CHECK-NEXT: v(32) starts
  // CHECK-NEXT: v(32) resumes
  // CHECK-NEXT: Two(32, 33)
  Two paren(AWAIT(v(32)), 33);
  mark(33);
  // CHECK-NEXT: mark(33)
  (void)paren;

  // CHECK-NEXT: mark(40)
  // CHECK-NEXT: v(42) starts
  // CHECK-NEXT: v(42) resumes
  Agg agg{mark(40), std::string(2, 'x'), AWAIT(v(42))};
  // CHECK-NEXT: agg 40 xx 42 / two 30 31
  std::printf("agg %d %s %d / two %d %d\n", agg.a, agg.s.c_str(), agg.c,
              two.a, two.b);

  std::string str = std::string("n=") + std::to_string(AWAIT(v(50)));
  // CHECK: n=50
  std::printf("%s\n", str.c_str());
  const int &ref = AWAIT(v(60));
  AWAIT(v(61));
  // CHECK: ref=60
  std::printf("ref=%d\n", ref);
}

int main() { awaitc::run(main_coro()); }
