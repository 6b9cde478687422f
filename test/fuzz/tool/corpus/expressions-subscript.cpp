#include <awaitc/awaitc.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

static int arr[4] = {0, 0, 0, 0};
static std::vector<int> vec = {10, 11, 12, 13};
AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  std::printf("v(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  std::printf("v(%d) resumes\n", x);
  return x;
}
static int idx(int i) {
  std::printf("idx(%d)\n", i);
  return i;
}
static int *base(const char *why) {
  std::printf("base(%s)\n", why);
  return arr;
}
static std::vector<int> &vref(const char *why) {
  std::printf("vref(%s)\n", why);
  return vec;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  arr[idx(1)] = AWAIT(v(7));
  base("lhs")[idx(2)] = AWAIT(v(8));
  std::printf("arr %d %d %d %d\n", arr[0], arr[1], arr[2], arr[3]);

  std::printf("read=%d\n", arr[AWAIT(v(1))]);
  int r = base("rhs")[AWAIT(v(2))];
  std::printf("read=%d\n", r);
  std::printf("vec=%d\n", vref("rhs")[AWAIT(v(3))]);
  vref("lhs")[idx(0)] = AWAIT(v(99));
  std::printf("vec[0]=%d\n", vec[0]);
  arr[AWAIT(v(3))] = AWAIT(v(30));
  std::printf("arr[3]=%d\n", arr[3]);
  arr[AWAIT(v(0))] += AWAIT(v(5));
  std::printf("arr[0]=%d\n", arr[0]);
  std::map<std::string, int> m;
  m["k"] = AWAIT(v(42));
  std::printf("m[k]=%d\n", m["k"]);
}

int main() { awaitc::run(main_coro()); }
