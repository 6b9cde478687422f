#include <awaitc/awaitc.h>

#include <initializer_list>

struct Big {
  int x = 42;
  int arr[2] = {0, 1};
};
Big make() { return Big(); }
AWAITC_ASYNC awaitc::Coro<int> idx() { return 1; }
struct Pair {
  const Big &a;
  int b;
};
void note() {}

AWAITC_ASYNC awaitc::Coro<int> conditional(bool c, const Big &other) {
  const Big &r = c ? static_cast<const Big &>(make()) : other;
  AWAIT(awaitc::sleep(0));
  return r.x;
}

AWAITC_ASYNC awaitc::Coro<int> range_conditional(bool c, const Big &other) {
  int s = 0;
  for (int v : c ? static_cast<const Big &>(make()).arr : other.arr) {
    AWAIT(awaitc::sleep(0));
    s += v;
  }
  return s;
}

AWAITC_ASYNC awaitc::Coro<int> reference_member() {
  const Pair &p = Pair{make(), 1};
  AWAIT(awaitc::sleep(0));
  return p.a.x;
}

AWAITC_ASYNC awaitc::Coro<int> list() {
  const std::initializer_list<int> &l = {1, 2};
  AWAIT(awaitc::sleep(0));
  return int(l.size());
}

AWAITC_ASYNC awaitc::Coro<int> index_awaits() {
  const int &r = make().arr[AWAIT(idx())];
  AWAIT(awaitc::sleep(0));
  return r;
}

AWAITC_ASYNC awaitc::Coro<int> comma() {
  const Big &r = (note(), static_cast<const Big &>(Big{AWAIT(idx()), {}}));
  AWAIT(awaitc::sleep(0));
  return r.x;
}

template <class T> T made() { return T(); }
template <class T> const T &global() {
  static T value;
  return value;
}

template <class T> AWAITC_ASYNC awaitc::Coro<int> dependent() {
  const T &r = made<T>();
  AWAIT(awaitc::sleep(0));
  return r.x;
}

template <class T> AWAITC_ASYNC awaitc::Coro<int> dependent_lvalue() {
  const T &r = global<T>(); // no error
  AWAIT(awaitc::sleep(0));
  return r.x;
}

int use() {
  return awaitc::run(dependent<Big>()) + awaitc::run(dependent_lvalue<Big>());
}
