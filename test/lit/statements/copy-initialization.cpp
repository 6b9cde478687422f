// `T x = e;` of a local that lives across a suspension is copy-initialized,
// as C++ does, not direct-initialized: explicit constructors are not
// candidates (`S s = 1;` calls S(long), not explicit S(int)), a conversion
// function of the initializer's class is (From::operator To), and a type
// that can be neither copied nor moved is initialized in place from a
// converting constructor's result. Also with the initializer awaiting, in
// a template, and for a condition variable.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include <awaitc/awaitc.h>

#include <cstdio>

struct S {
  explicit S(int) { std::printf("S(int)\n"); }
  S(long) { std::printf("S(long)\n"); }
  S(const S &) { std::printf("S(const S&)\n"); }
  explicit operator bool() const { return true; }
};

struct To;
struct From {
  operator To() const;
};
struct To {
  To() { std::printf("To()\n"); }
  explicit To(const From &) { std::printf("explicit To(const From&)\n"); }
  To(const To &) { std::printf("To(const To&)\n"); }
};
From::operator To() const {
  std::printf("From::operator To\n");
  return To();
}

struct Pinned {
  Pinned(int v) : v(v) { std::printf("Pinned(%d)\n", v); }
  Pinned(const Pinned &) = delete;
  Pinned(Pinned &&) = delete;
  int v;
};

AWAITC_ASYNC awaitc::Coro<int> one() {
  AWAIT(awaitc::sleep(0));
  return 1;
}

template <class T, class U> AWAITC_ASYNC awaitc::Coro<void> generic(U u) {
  T t = u;
  AWAIT(awaitc::sleep(0));
  std::printf("generic done\n");
  static_cast<void>(t);
}

AWAITC_ASYNC awaitc::Coro<void> all() {
  S s = 1;
  From from;
  To to = from;
  Pinned p = 2;
  S awaited = AWAIT(one());
  AWAIT(awaitc::sleep(0));
  std::printf("p=%d\n", p.v);
  if (S cond = 3) {
    AWAIT(awaitc::sleep(0));
    static_cast<void>(cond);
  }
  AWAIT(generic<S>(4));
  AWAIT(generic<To>(from));
  static_cast<void>(s);
  static_cast<void>(to);
  static_cast<void>(awaited);
}

int main() { awaitc::run(all()); }

// CHECK: S(long)
// CHECK-NEXT: From::operator To
// CHECK-NEXT: To()
// CHECK-NEXT: Pinned(2)
// CHECK-NEXT: S(long)
// CHECK-NEXT: p=2
// CHECK-NEXT: S(long)
// CHECK-NEXT: S(long)
// CHECK-NEXT: generic done
// CHECK-NEXT: From::operator To
// CHECK-NEXT: To()
// CHECK-NEXT: generic done
// CHECK-EMPTY:
