// Function parameter packs of annotated function templates: kept in the
// frame, and expanded (args..., folds, sizeof..., patterns, braced lists)
// before and after suspensions and in awaited expressions; by value (changes
// persist across suspensions), by const reference (refers to the caller's
// objects), forwarding references, an empty pack, a member of a class
// template and a generator.
// RUN: %run-both --out %t %s | FileCheck %s --match-full-lines
// RUN: FileCheck %s --check-prefix=CODE --input-file=%t.awaitc.cpp
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

struct Tracer {
  explicit Tracer(int id) : id(id) { std::printf("Tracer(%d)\n", id); }
  Tracer(const Tracer &o) : id(o.id + 100) { std::printf("copy Tracer(%d)\n", id); }
  ~Tracer() { std::printf("~Tracer(%d)\n", id); }
  int id;
};

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}
template <typename... Ts> AWAITC_ASYNC awaitc::Coro<int> total(Ts... xs) {
  AWAIT(awaitc::sleep(0));
  return (0 + ... + xs);
}
static int twice(int x) { return 2 * x; }

// CODE: std::tuple<Ts...> args_pack; // parameter pack 'args'
template <typename... Ts>
AWAITC_ASYNC awaitc::Coro<std::size_t> f(Ts... args) {
  int s = AWAIT(v(1));
  std::printf("sizeof... %zu %zu\n", sizeof...(args), sizeof...(Ts));
  int sum = (s + ... + args);
  std::printf("sum %d\n", sum);
  ((args += 10), ...);
  std::tuple<Ts...> tup(args...);
  AWAIT(v(2));
  std::printf("after %d tuple %zu\n", (args + ... + 0),
              std::tuple_size<decltype(tup)>::value);
  std::vector<int> list{args..., AWAIT(v(sizeof...(args)))};
  std::printf("list");
  for (int x : list)
    std::printf(" %d", x);
  std::printf("\n");
  int doubled = AWAIT(total(twice(args)...));
  auto deduced = (args + ... + doubled);
  AWAIT(v(0));
  std::printf("doubled %d deduced %d\n", doubled, static_cast<int>(deduced));
  return sizeof...(Ts) + (args + ... + 0);
}
// CHECK: sizeof... 3 3
// CHECK-NEXT: sum 7
// CHECK-NEXT: after 36 tuple 3
// CHECK-NEXT: list 11 12 13 3
// CHECK-NEXT: doubled 72 deduced 108
// CHECK-NEXT: r=39
// CHECK-NEXT: sizeof... 0 0
// CHECK-NEXT: sum 1
// CHECK-NEXT: after 0 tuple 0
// CHECK-NEXT: list 0
// CHECK-NEXT: doubled 0 deduced 0
// CHECK-NEXT: r=0

template <typename... Ts>
AWAITC_ASYNC awaitc::Coro<void> by_reference(const Ts &...objects) {
  AWAIT(v(0));
  int ids[] = {objects.id...};
  for (int id : ids)
    std::printf("id %d\n", id);
}
// CHECK-NEXT: Tracer(1)
// CHECK-NEXT: Tracer(2)
// CHECK-NEXT: id 1
// CHECK-NEXT: id 2
// CHECK-NEXT: ~Tracer(2)
// CHECK-NEXT: ~Tracer(1)

template <typename... Ts>
AWAITC_ASYNC awaitc::Coro<void> forwarding(Ts &&...values) {
  AWAIT(v(0));
  std::vector<std::string> out{std::forward<Ts>(values)...};
  for (const std::string &s : out)
    std::printf("forwarded %s\n", s.c_str());
}
// CHECK-NEXT: forwarded a
// CHECK-NEXT: forwarded b
// CHECK-NEXT: lvalue kept a, rvalue moved 1

template <class Base> struct Summer {
  Base base;
  template <class... Ts> AWAITC_ASYNC awaitc::Coro<Base> add(Ts... xs) {
    Base r = base + AWAIT(v(static_cast<int>(sizeof...(xs))));
    return (r + ... + xs);
  }
};
// CHECK-NEXT: member 1009

template <class... Ts> AWAITC_GENERATOR awaitc::Generator<int> each(Ts... xs) {
  std::vector<int> values{xs...};
  for (int x : values)
    YIELD(x * 100);
}
// CHECK-NEXT: yielded 100 200 300

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("r=%zu\n", AWAIT(f(1, 2, 3)));
  std::printf("r=%zu\n", AWAIT(f()));
  {
    Tracer a(1), b(2);
    AWAIT(by_reference(a, b));
  }
  std::string lvalue = "a";
  std::string rvalue(1, 'b');
  AWAIT(forwarding(lvalue, std::move(rvalue)));
  std::printf("lvalue kept %s, rvalue moved %d\n", lvalue.c_str(),
              static_cast<int>(rvalue.empty()));
  Summer<long> summer{1000};
  std::printf("member %ld\n", AWAIT(summer.add(1, 2, 3)));
  std::printf("yielded");
  for (int x : each(1, 2, 3))
    std::printf(" %d", x);
  std::printf("\n");
}

int main() { awaitc::run(main_coro()); }
