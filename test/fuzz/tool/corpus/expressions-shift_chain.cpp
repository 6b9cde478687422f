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

  log_ << AWAIT(g(4)) << AWAIT(g(5)) << f(6);

  int bits = 1;
  int shifted = (bits << f(4)) << AWAIT(g(1));
  std::printf("shifted=%d\n", shifted);

  int a = 0, b = 0;
  get_log("extract") >> a >> b;
  log_ << a << b;
  std::printf("text=%s\n", log_.text.c_str());
}

int main() { awaitc::run(main_coro()); }
