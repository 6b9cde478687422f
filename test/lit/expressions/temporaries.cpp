// Temporaries created before a suspension in a full-expression live until
// the end of that full-expression, after the resume; they are destroyed in
// reverse order of construction. A temporary passed by const reference to
// an awaited coroutine is alive during the whole await.
// RUN: %run-both --no-cxx20 'unspecified order of operands: clang evaluates a co_await operand first' --out %t %s | FileCheck %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

struct Tracer {
  explicit Tracer(const char *n) : name(n), alive(true) {
    std::printf("Tracer(%s)\n", n);
  }
  Tracer(const Tracer &) = delete;
  ~Tracer() {
    std::printf("~Tracer(%s)\n", name);
    alive = false;
  }
  const Tracer &log(int x) const {
    std::printf("%s.log(%d) alive=%d\n", name, x, alive);
    return *this;
  }
  int id() const { return name[0]; }
  const char *name;
  bool alive;
};
AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  std::printf("v(%d) starts\n", x);
  AWAIT(awaitc::sleep(0));
  std::printf("v(%d) resumes\n", x);
  return x;
}
AWAITC_ASYNC awaitc::Coro<int> read(const Tracer &t, const std::string &s) {
  std::printf("read(%s, %s)\n", t.name, s.c_str());
  AWAIT(awaitc::sleep(0));
  // Both temporaries of the awaiter's full-expression are still alive.
  std::printf("read after sleep: alive=%d s=%s\n", t.alive, s.c_str());
  return int(s.size());
}
static int pair(const Tracer &a, int x) {
  std::printf("pair(%s, %d)\n", a.name, x);
  return x;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  Tracer("a").log(1).log(AWAIT(v(2)));
  std::printf("after a\n");
  // CHECK: Tracer(a)
  // CHECK-NEXT: a.log(1) alive=1
  // CHECK-NEXT: v(2) starts
  // CHECK-NEXT: v(2) resumes
  // CHECK-NEXT: a.log(2) alive=1
  // CHECK-NEXT: ~Tracer(a)
  // CHECK-NEXT: after a

  // Two temporaries before the suspension, one after; reverse destruction.
  (Tracer("b"), Tracer("c"), AWAIT(v(3)), Tracer("d"));
  // CHECK-NEXT: Tracer(b)
  // CHECK-NEXT: Tracer(c)
  // CHECK-NEXT: v(3) starts
  // CHECK-NEXT: v(3) resumes
  // CHECK-NEXT: Tracer(d)
  // CHECK-NEXT: ~Tracer(d)
  // CHECK-NEXT: ~Tracer(c)
  // CHECK-NEXT: ~Tracer(b)

  int n = AWAIT(read(Tracer("e"), std::string("hello")));
  std::printf("n=%d\n", n);
  // CHECK-NEXT: Tracer(e)
  // CHECK-NEXT: read(e, hello)
  // CHECK-NEXT: read after sleep: alive=1 s=hello
  // CHECK-NEXT: ~Tracer(e)
  // CHECK-NEXT: n=5

  int m = pair(Tracer("f"), AWAIT(v(4))) + AWAIT(v(5));
  std::printf("m=%d\n", m);
  // The order of the operands of + and of the arguments is unspecified:
  // only check that f lives until the end of the full-expression.
  // CHECK: pair(f, 4)
  // CHECK-NOT: Tracer(f)
  // CHECK: ~Tracer(f)
  // CHECK-NEXT: m=9

  // Lifetime extension: a temporary bound to a local reference lives to the
  // end of the scope, across suspensions.
  {
    const Tracer &ext = Tracer("g");
    AWAIT(v(6));
    ext.log(6);
    std::printf("end of scope\n");
  }
  // CHECK: Tracer(g)
  // CHECK-NEXT: v(6) starts
  // CHECK-NEXT: v(6) resumes
  // CHECK-NEXT: g.log(6) alive=1
  // CHECK-NEXT: end of scope
  // CHECK-NEXT: ~Tracer(g)

  // Temporaries in a condition: destroyed before the branch runs.
  if (Tracer("h").id() == 'h' && AWAIT(v(1)) == 1)
    std::printf("branch\n");
  // CHECK-NEXT: Tracer(h)
  // CHECK-NEXT: v(1) starts
  // CHECK-NEXT: v(1) resumes
  // CHECK-NEXT: ~Tracer(h)
  // CHECK-NEXT: branch
  std::printf("done\n");
  // CHECK-NEXT: done
}

int main() { awaitc::run(main_coro()); }
