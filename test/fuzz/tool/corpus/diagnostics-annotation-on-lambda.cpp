#include <awaitc/awaitc.h>

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

AWAITC_ASYNC awaitc::Coro<int> outer() {
  auto wrap = [] {
    return []() AWAITC_GENERATOR -> awaitc::Generator<int> {
      YIELD(1);
    };
  };
  for (int v : wrap()())
    AWAIT(awaitc::sleep(v));
  return 0;
}

auto generic = [](auto x) AWAITC_ASYNC -> awaitc::Coro<int> {
  return AWAIT(later(x));
};
