#include <awaitc/awaitc.h>

#include <utility>

AWAITC_ASYNC awaitc::Coro<int> static_local() {
  static int calls = 0;
  auto count = [] { return ++calls; };
  AWAIT(awaitc::sleep(0));
  return count();
}

AWAITC_ASYNC awaitc::Coro<int> constexpr_local() {
  constexpr int limit = 3;
  auto get = [] { return limit; };
  AWAIT(awaitc::sleep(0));
  return get();
}

AWAITC_ASYNC awaitc::Coro<int> local_type() {
  struct Point {
    int x;
  };
  auto make = [] { return Point{1}.x; };
  AWAIT(awaitc::sleep(0));
  return make();
}

AWAITC_ASYNC awaitc::Coro<int> local_enumerator() {
  enum { Red = 4 };
  auto red = [] { return int(Red); };
  AWAIT(awaitc::sleep(0));
  return red();
}

AWAITC_ASYNC awaitc::Coro<int> structured_binding() {
  auto [a, b] = std::pair<int, int>(1, 2);
  auto sum = [&] { return a + b; };
  AWAIT(awaitc::sleep(0));
  return sum();
}

AWAITC_ASYNC awaitc::Coro<int> decltype_of_local() {
  int n = 3;
  auto copy = [n] {
    decltype(n) m = n;
    return m;
  };
  AWAIT(awaitc::sleep(0));
  return copy();
}

AWAITC_ASYNC awaitc::Coro<int> copies_frame_local() {
  int n = 3;
  AWAIT(awaitc::sleep(0));
  static int offset = 1;
  return [n] { return n + offset; }();
}

AWAITC_ASYNC awaitc::Coro<int> kept_temporary() {
  static int bias = 1;
  return [c = 1] { return c + bias; }() << (AWAIT(awaitc::sleep(0)), 2);
}

struct Widget {
  int size = 1;
  AWAITC_ASYNC awaitc::Coro<int> copy_of_object() {
    auto snapshot = [*this] { return size; };
    AWAIT(awaitc::sleep(0));
    return snapshot();
  }
};
