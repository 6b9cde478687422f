// Lifetime extension ([class.temporary]/6) of a temporary bound to a
// reference that lives across a suspension: through a cast to a reference
// (static_cast, to a base and back), a member access `make().x`, `.*`, a
// subscript of an array temporary, parentheses, a braced initializer
// `T &r{make()}` / `T &r = {make()}`, a cast to an rvalue reference, a
// prvalue `?:` (with an AWAIT in an operand), a range-for over
// `make().items` or a cast of a temporary, and a range-for's `const T &` /
// `auto &&` loop variable bound to the prvalue its iterator yields. Each
// temporary lives exactly until the end of the reference's scope.
// The expected output is what clang++ prints for the same code without
// awaitc (AWAIT(awaitc::sleep(0)) removed). g++ 12 destroys the temporaries
// of `make_holder("ptrmem").*pm` and of the range-for over
// `static_cast<const Holder &>(make_holder("range-cast")).items` at the end
// of the declaration instead (it does not extend their lifetime, as the
// standard requires); the transformed code behaves as the standard says
// with both compilers.
// RUN: %run-both --out %t %s | FileCheck --match-full-lines %s
#include "Inputs/tracer.h"
#include <utility>
#include <vector>

Tracer make(const char *name) { return Tracer(name); }

struct Holder {
  Tracer tracer;
  int value;
  int items[3];
  explicit Holder(const char *name) : tracer(name), value(7), items{1, 2, 3} {}
};
Holder make_holder(const char *name) { return Holder(name); }

struct Base {
  Tracer tracer;
  explicit Base(const char *name) : tracer(name) {}
};
struct Derived : Base {
  int extra = 5;
  explicit Derived(const char *name) : Base(name) {}
};

struct Item {
  Tracer tracer;
  int v;
};
using Items = Item[2];

// Copyable, and traced: `c ? Copy(...) : lvalue` is a prvalue.
struct Copy {
  Tracer tracer;
  explicit Copy(const char *name) : tracer(name) {}
  Copy(const Copy &other) : tracer("copy-of-", other.tracer.value()) {}
};

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

void note(const char *what) { std::printf("note %s\n", what); }

// A range whose iterator yields its elements by value.
struct Made {
  struct iterator {
    int i;
    Tracer operator*() const { return Tracer("elem", i); }
    iterator &operator++() {
      ++i;
      return *this;
    }
    bool operator!=(const iterator &o) const { return i != o.i; }
  };
  iterator begin() const { return {0}; }
  iterator end() const { return {2}; }
};

AWAITC_ASYNC awaitc::Coro<void> body() {
  {
    const Tracer &r = static_cast<const Tracer &>(make("cast"));
    std::printf("bound\n");
    AWAIT(awaitc::sleep(0));
    r.use();
    std::printf("leaving block\n");
  }
  {
    const int &v = make_holder("member").value;
    AWAIT(awaitc::sleep(0));
    std::printf("member value %d\n", v);
  }
  {
    const Tracer &b{make("braced")};
    const Tracer &c = {make("copy-braced")};
    AWAIT(awaitc::sleep(0));
    b.use();
    c.use();
  }
  {
    const Base &b = static_cast<const Base &>(Derived("derived"));
    const Derived &d = static_cast<const Derived &>(
        static_cast<const Base &>(Derived("down")));
    AWAIT(awaitc::sleep(0));
    b.tracer.use();
    std::printf("extra %d\n", d.extra);
  }
  {
    int Holder::*pm = &Holder::value;
    const int &m = make_holder("ptrmem").*pm;
    const int &e = make_holder("element").items[2];
    const Item &it = Items{{Tracer("item0"), 1}, {Tracer("item1"), 2}}[1];
    AWAIT(awaitc::sleep(0));
    std::printf("m %d e %d it %d\n", m, e, it.v);
    it.tracer.use();
  }
  {
    const Tracer &c = (note("before"), make("comma"));
    Tracer &&x = static_cast<Tracer &&>(make("xvalue"));
    auto &&t = make_holder("auto-member").tracer;
    const Tracer &p = (((make("parens"))));
    AWAIT(awaitc::sleep(0));
    c.use();
    x.use();
    t.use();
    p.use();
  }
  for (int v : make_holder("range-member").items) {
    AWAIT(awaitc::sleep(0));
    std::printf("item %d\n", v);
  }
  for (int v : static_cast<const Holder &>(make_holder("range-cast")).items) {
    AWAIT(awaitc::sleep(0));
    std::printf("cast item %d\n", v);
  }
  for (const Tracer &t : Made()) {
    AWAIT(awaitc::sleep(0));
    t.use();
  }
  for (auto &&t : Made()) {
    AWAIT(awaitc::sleep(0));
    t.use();
  }
  {
    std::vector<int> vec = {4, 5};
    auto &&moved = std::move(vec);
    for (int v : std::move(vec)) {
      AWAIT(awaitc::sleep(0));
      std::printf("moved %d\n", v);
    }
    AWAIT(awaitc::sleep(0));
    std::printf("size %d\n", int(moved.size()));
  }
  {
    Copy other("other");
    bool yes = true;
    const Copy &picked = yes ? Copy("picked") : other;
    const auto &copied = !yes ? Copy("unused") : other;
    const int &awaited = yes ? AWAIT(later(8)) : 9;
    AWAIT(awaitc::sleep(0));
    picked.tracer.use();
    copied.tracer.use();
    std::printf("awaited %d\n", awaited);
  }
  {
    const int &v = make_holder(AWAIT(later(1)) ? "awaited-member" : "no").value;
    AWAIT(awaitc::sleep(0));
    std::printf("awaited member value %d\n", v);
  }
  std::printf("end of body\n");
}

int main() {
  std::printf("begin\n");
  awaitc::run(body());
  print_live();
}

// CHECK: begin
// CHECK-NEXT: ctor cast
// CHECK-NEXT: bound
// CHECK-NEXT: use cast
// CHECK-NEXT: leaving block
// CHECK-NEXT: dtor cast
// CHECK-NEXT: ctor member
// CHECK-NEXT: member value 7
// CHECK-NEXT: dtor member
// CHECK-NEXT: ctor braced
// CHECK-NEXT: ctor copy-braced
// CHECK-NEXT: use braced
// CHECK-NEXT: use copy-braced
// CHECK-NEXT: dtor copy-braced
// CHECK-NEXT: dtor braced
// CHECK-NEXT: ctor derived
// CHECK-NEXT: ctor down
// CHECK-NEXT: use derived
// CHECK-NEXT: extra 5
// CHECK-NEXT: dtor down
// CHECK-NEXT: dtor derived
// CHECK-NEXT: ctor ptrmem
// CHECK-NEXT: ctor element
// CHECK-NEXT: ctor item0
// CHECK-NEXT: ctor item1
// CHECK-NEXT: m 7 e 3 it 2
// CHECK-NEXT: use item1
// CHECK-NEXT: dtor item1
// CHECK-NEXT: dtor item0
// CHECK-NEXT: dtor element
// CHECK-NEXT: dtor ptrmem
// CHECK-NEXT: note before
// CHECK-NEXT: ctor comma
// CHECK-NEXT: ctor xvalue
// CHECK-NEXT: ctor auto-member
// CHECK-NEXT: ctor parens
// CHECK-NEXT: use comma
// CHECK-NEXT: use xvalue
// CHECK-NEXT: use auto-member
// CHECK-NEXT: use parens
// CHECK-NEXT: dtor parens
// CHECK-NEXT: dtor auto-member
// CHECK-NEXT: dtor xvalue
// CHECK-NEXT: dtor comma
// CHECK-NEXT: ctor range-member
// CHECK-NEXT: item 1
// CHECK-NEXT: item 2
// CHECK-NEXT: item 3
// CHECK-NEXT: dtor range-member
// CHECK-NEXT: ctor range-cast
// CHECK-NEXT: cast item 1
// CHECK-NEXT: cast item 2
// CHECK-NEXT: cast item 3
// CHECK-NEXT: dtor range-cast
// CHECK-NEXT: ctor elem0
// CHECK-NEXT: use elem0
// CHECK-NEXT: dtor elem0
// CHECK-NEXT: ctor elem1
// CHECK-NEXT: use elem1
// CHECK-NEXT: dtor elem1
// CHECK-NEXT: ctor elem0
// CHECK-NEXT: use elem0
// CHECK-NEXT: dtor elem0
// CHECK-NEXT: ctor elem1
// CHECK-NEXT: use elem1
// CHECK-NEXT: dtor elem1
// CHECK-NEXT: moved 4
// CHECK-NEXT: moved 5
// CHECK-NEXT: size 2
// CHECK-NEXT: ctor other
// CHECK-NEXT: ctor picked
// CHECK-NEXT: ctor copy-of-0
// CHECK-NEXT: use picked
// CHECK-NEXT: use copy-of-0
// CHECK-NEXT: awaited 8
// CHECK-NEXT: dtor copy-of-0
// CHECK-NEXT: dtor picked
// CHECK-NEXT: dtor other
// CHECK-NEXT: ctor awaited-member
// CHECK-NEXT: awaited member value 7
// CHECK-NEXT: dtor awaited-member
// CHECK-NEXT: end of body
// CHECK-NEXT: live 0
// CHECK-EMPTY:
