#pragma once
#include <awaitc/awaitc.h>

AWAITC_ASYNC inline awaitc::Coro<int> shared_answer(int bias) {
  AWAIT(awaitc::sleep(0));
  return 42 + bias;
}

template <class T> struct Counter {
  T start;
  AWAITC_ASYNC awaitc::Coro<T> next() {
    AWAIT(awaitc::sleep(0));
    return start + 1;
  }
};
