// `T x;` where T's default constructor is one whose parameters all have
// default arguments (explicit or not, in a template too): default-
// initialization, kept in the frame across a suspension, destroyed once.
// RUN: %run-both %{strict-warnings} --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>

struct Limit {
  explicit Limit(int limit = 5, int step = 2) : value(limit * step) {
    std::printf("Limit(%d)\n", value);
  }
  Limit(const Limit &) = delete;
  ~Limit() { std::printf("~Limit(%d)\n", value); }
  int value;
};

struct Plain {
  Plain(int v = 7) : value(v) {}
  int value;
};

template <class T> struct Holder {
  explicit Holder(T v = T(3)) : value(v) {}
  T value;
};

AWAITC_ASYNC awaitc::Coro<int> local() {
  Limit limit;
  Plain plain;
  AWAIT(awaitc::sleep(0));
  return limit.value + plain.value;
}

template <class T> AWAITC_ASYNC awaitc::Coro<T> in_template() {
  Holder<T> holder;
  Limit limit;
  AWAIT(awaitc::sleep(0));
  return holder.value + T(limit.value);
}

AWAITC_ASYNC awaitc::Coro<void> run_all() {
  std::printf("local %d\n", AWAIT(local()));
  std::printf("template %d\n", AWAIT(in_template<int>()));
}

int main() { awaitc::run(run_all()); }

// CHECK:      Limit(10)
// CHECK-NEXT: ~Limit(10)
// CHECK-NEXT: local 17
// CHECK-NEXT: Limit(10)
// CHECK-NEXT: ~Limit(10)
// CHECK-NEXT: template 13
