// `obj.method(AWAIT(x))`: the object expression is evaluated before the
// arguments (C++17), the method runs on that very object (not a copy), and
// a temporary object stays alive until the call completes, after the resume.
// RUN: %run-both --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>

#include <cstdio>

struct Obj {
  explicit Obj(int id) : id(id), state(0) { std::printf("Obj(%d)\n", id); }
  Obj(const Obj &o) : id(o.id + 100), state(o.state) {
    std::printf("copy Obj(%d)\n", id);
  }
  ~Obj() { std::printf("~Obj(%d)\n", id); }
  int method(int x) {
    std::printf("Obj(%d).method(%d) state=%d\n", id, x, state);
    state += x;
    return state;
  }
  Obj &self() { return *this; }
  int id, state;
};
static Obj global_obj(1);
AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  std::printf("v(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  global_obj.state += 1000; // observable if the method reads a stale copy
  std::printf("v(%d) resumes\n", x);
  return x;
}
static Obj make(int id) {
  std::printf("make(%d)\n", id);
  return Obj(id);
}
static Obj &ref(const char *why) {
  std::printf("ref(%s)\n", why);
  return global_obj;
}
static Obj *ptr(const char *why) {
  std::printf("ptr(%s)\n", why);
  return &global_obj;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  // CHECK: Obj(1)
  // CHECK-NEXT: v(5) starts
  // CHECK-NEXT: v(5) resumes
  // CHECK-NEXT: Obj(1).method(5) state=1000
  global_obj.method(AWAIT(v(5)));
  // CHECK-NEXT: global state=1005
  std::printf("global state=%d\n", global_obj.state);

  // CHECK-NEXT: make(2)
  // CHECK-NEXT: Obj(2)
  // CHECK-NEXT: v(6) starts
  // CHECK-NEXT: v(6) resumes
  // CHECK-NEXT: Obj(2).method(6) state=0
  // CHECK-NEXT: ~Obj(2)
  // CHECK-NEXT: r=6
  int r = make(2).method(AWAIT(v(6)));
  std::printf("r=%d\n", r);

  // CHECK-NEXT: ref(lvalue)
  // CHECK-NEXT: v(7) starts
  // CHECK-NEXT: v(7) resumes
  // CHECK-NEXT: Obj(1).method(7) state=3005
  ref("lvalue").method(AWAIT(v(7)));
  // CHECK-NEXT: ptr(arrow)
  // CHECK-NEXT: v(8) starts
  // CHECK-NEXT: v(8) resumes
  // CHECK-NEXT: Obj(1).method(8) state=4012
  ptr("arrow")->method(AWAIT(v(8)));
  // CHECK-NEXT: ref(self)
  // CHECK-NEXT: v(9) starts
  // CHECK-NEXT: v(9) resumes
  // CHECK-NEXT: Obj(1).method(9) state=5020
  ref("self").self().method(AWAIT(v(9)));

  {
    Obj local(3);
    // CHECK-NEXT: Obj(3)
    // CHECK-NEXT: v(10) starts
    // CHECK-NEXT: v(10) resumes
    // CHECK-NEXT: Obj(3).method(10) state=0
    // CHECK-NEXT: Obj(3).method(1) state=10
    local.method(AWAIT(v(10)));
    local.method(1);
    // CHECK-NEXT: ~Obj(3)
  }
  // The awaited value is the object: AWAIT(...).method().
  // CHECK-NEXT: v(11) starts
  // CHECK-NEXT: v(11) resumes
  // CHECK-NEXT: make(11)
  // CHECK-NEXT: Obj(11)
  // CHECK-NEXT: Obj(11).method(2) state=0
  // CHECK-NEXT: ~Obj(11)
  make(AWAIT(v(11))).method(2);
  // CHECK-NEXT: end
  std::printf("end\n");
  // CHECK-NEXT: ~Obj(1)
}

int main() { awaitc::run(main_coro()); }
