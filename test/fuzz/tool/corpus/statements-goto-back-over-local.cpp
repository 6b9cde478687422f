#include <awaitc/awaitc.h>
#include <cstdio>
struct T { const char* n; explicit T(const char* n) : n(n) { std::printf("ctor %s\n", n); } ~T() { std::printf("dtor %s\n", n); } };
AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  constexpr int N = 2;
  int tries = 0;
retry:
  T t("attempt");
  AWAIT(awaitc::sleep(0));
  int arr[N] = {tries, tries};
  if (++tries < N) goto retry;
  std::printf("tries %d %d\n", tries, arr[1]);
}
int main() { awaitc::run(main_coro()); }
