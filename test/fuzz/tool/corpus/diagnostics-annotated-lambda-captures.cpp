#include <awaitc/awaitc.h>

#include <memory>

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

int main() {
  auto owned = std::make_unique<int>(1);
  auto take = [p = std::move(owned)]() AWAITC_ASYNC -> awaitc::Coro<int> {
    return AWAIT(later(*p));
  };
  int numbers[2] = {1, 2};
  auto sum = [numbers]() AWAITC_ASYNC -> awaitc::Coro<int> {
    return AWAIT(later(numbers[0] + numbers[1]));
  };
  return awaitc::run(take()) + awaitc::run(sum());
}

struct Widget {
  int size = 2;
  AWAITC_ASYNC awaitc::Coro<int> grow() {
    auto task = awaitc::create_task([this]() AWAITC_ASYNC -> awaitc::Coro<int> {
      return AWAIT(later(size));
    }());
    return AWAIT(task);
  }
};

template <class... Ts> awaitc::Coro<int> sum_later(Ts... xs) {
  return [xs...]() AWAITC_ASYNC -> awaitc::Coro<int> {
    AWAIT(awaitc::sleep(0));
    return (0 + ... + xs);
  }();
}

int variable_length(int n) {
  int values[n];
  values[0] = n;
  auto first = [&values]() AWAITC_ASYNC -> awaitc::Coro<int> {
    return AWAIT(later(values[0]));
  };
  return awaitc::run(first());
}
