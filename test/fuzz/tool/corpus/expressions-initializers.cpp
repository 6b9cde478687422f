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

  {
    NoDefault nd(AWAIT(v(5)));
    AWAIT(v(6));
    std::printf("nd.x=%d\n", nd.x);
  }

  std::vector<int> vec{mark(10), AWAIT(v(11)), mark(12), AWAIT(v(13))};
  std::printf("vec %d %d %d %d\n", vec[0], vec[1], vec[2], vec[3]);

  int arr[3] = {AWAIT(v(20)), mark(21), AWAIT(v(22))};
  std::printf("arr %d %d %d\n", arr[0], arr[1], arr[2]);

  Two two{mark(30), AWAIT(v(31))};
  Two paren(AWAIT(v(32)), 33);
  mark(33);
  (void)paren;

  Agg agg{mark(40), std::string(2, 'x'), AWAIT(v(42))};
  std::printf("agg %d %s %d / two %d %d\n", agg.a, agg.s.c_str(), agg.c,
              two.a, two.b);

  std::string str = std::string("n=") + std::to_string(AWAIT(v(50)));
  std::printf("%s\n", str.c_str());
  const int &ref = AWAIT(v(60));
  AWAIT(v(61));
  std::printf("ref=%d\n", ref);
}

int main() { awaitc::run(main_coro()); }
