// An annotated lambda copies its copy captures into each call's state
// machine (so that the coroutine outlives its closure safely): a capture
// that cannot be copied from a const object is an error at the capture.
// Inside an annotated member function it cannot use `this` yet.
// RUN: rm -f %t.out
// RUN: %python %S/Inputs/expect_exit.py 1 %awaitc %s -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck --implicit-check-not=error: %s
// RUN: not test -e %t.out
#include <awaitc/awaitc.h>

#include <memory>

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

int main() {
  auto owned = std::make_unique<int>(1);
  auto take = [p = std::move(owned)]() AWAITC_ASYNC -> awaitc::Coro<int> {
    // CHECK: annotated-lambda-captures.cpp:[[@LINE-1]]:16: error: an annotated lambda copies 'p' into each call's state machine, but it cannot be copied; capture it by reference, or pass it as a parameter
    return AWAIT(later(*p));
  };
  int numbers[2] = {1, 2};
  auto sum = [numbers]() AWAITC_ASYNC -> awaitc::Coro<int> {
    // CHECK: annotated-lambda-captures.cpp:[[@LINE-1]]:15: error: an annotated lambda copies 'numbers' into each call's state machine, but it cannot be copied; capture it by reference, or pass it as a parameter
    return AWAIT(later(numbers[0] + numbers[1]));
  };
  return awaitc::run(take()) + awaitc::run(sum());
}

struct Widget {
  int size = 2;
  AWAITC_ASYNC awaitc::Coro<int> grow() {
    auto task = awaitc::create_task([this]() AWAITC_ASYNC -> awaitc::Coro<int> {
      // CHECK: annotated-lambda-captures.cpp:[[@LINE-1]]:37: error: an annotated lambda inside an annotated member function cannot use 'this' yet; pass the object as a parameter
      return AWAIT(later(size));
    }());
    return AWAIT(task);
  }
};

template <class... Ts> awaitc::Coro<int> sum_later(Ts... xs) {
  return [xs...]() AWAITC_ASYNC -> awaitc::Coro<int> {
    // CHECK: annotated-lambda-captures.cpp:[[@LINE-1]]:11: error: an annotated lambda cannot capture the pack 'xs' yet; pass the values as parameters
    AWAIT(awaitc::sleep(0));
    return (0 + ... + xs);
  }();
}

int variable_length(int n) {
  int values[n];
  values[0] = n;
  auto first = [&values]() AWAITC_ASYNC -> awaitc::Coro<int> {
    // CHECK: annotated-lambda-captures.cpp:[[@LINE-1]]:16: error: an annotated lambda cannot capture a variable-length array
    return AWAIT(later(values[0]));
  };
  return awaitc::run(first());
}
// CHECK: 5 errors generated.
