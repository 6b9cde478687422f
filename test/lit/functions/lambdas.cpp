// Lambdas in annotated functions: closure objects that live across
// suspensions (moved into factories before the frame class), every capture
// form (by copy, by reference, init-captures, [=], [&], this), generic and
// mutable lambdas, nested lambdas, copies of closures, closures destroyed
// while suspended, in members, templates and generators. Expected lines
// follow C++'s rules for lambdas: a copy capture copies when the lambda is
// created, init-captures are evaluated then, closures die at scope exit in
// reverse order of construction.
// RUN: %run-both %{strict-warnings} --no-cxx20 'C++20 has no co_await in a catch handler' --out %t %s | FileCheck --match-full-lines %s
// RUN: %awaitc %s --no-line-directives -- -std=c++17 -I%awaitc-include | FileCheck --check-prefix=CODE %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

// Copyable, traced: "ctor P1", "copy P2 of P1", "dtor P2".
struct Probe {
  explicit Probe(int v) : id(++last()), value(v) {
    ++live();
    std::printf("ctor P%d\n", id);
  }
  Probe(const Probe &o) : id(++last()), value(o.value) {
    ++live();
    std::printf("copy P%d of P%d\n", id, o.id);
  }
  Probe &operator=(const Probe &) = delete;
  ~Probe() {
    --live();
    std::printf("dtor P%d\n", id);
  }
  static int &last() {
    static int n = 0;
    return n;
  }
  static int &live() {
    static int n = 0;
    return n;
  }
  int id;
  int value;
};

AWAITC_ASYNC awaitc::Coro<int> later(int v) {
  AWAIT(awaitc::sleep(0));
  return v;
}

// CODE-LABEL: awaitc::Coro<void> captures() {
// CODE: static constexpr auto make_show = [](auto &p, auto &n) { return [p, &n](const char *when) {
// CODE: static constexpr auto make_take = [](auto &names) { return [v = std::move(names)]() { return v.size(); }; };
// CODE: union { awaitc::detail::identity_t<decltype(make_show(p, n))> show; }; // local 'show'
// CODE: ::new (awaitc::detail::storage_of(show)) decltype(make_show(p, n))(make_show(p, n)); show_guard.arm();
AWAITC_ASYNC awaitc::Coro<void> captures() {
  Probe p(1);
  int n = 10;
  auto show = [p, &n](const char *when) {
    std::printf("%s: copy P%d value %d, n %d\n", when, p.id, p.value, n);
  };
  p.value = 2; // the copy keeps 1
  n = AWAIT(later(20));
  show("after await");

  // A reference local captured by copy copies the object it refers to.
  int &r = n;
  auto by_copy = [r]() mutable { return ++r; };
  AWAIT(awaitc::sleep(0));
  int first = by_copy();
  std::printf("by_copy %d %d, n %d\n", first, by_copy(), n);

  // An init-capture is evaluated where the lambda is created.
  std::vector<std::string> names = {"a", "b", "c"};
  auto take = [v = std::move(names)]() { return v.size(); };
  AWAIT(awaitc::sleep(0));
  std::printf("take %zu, left %zu\n", take(), names.size());

  // Explicit by-reference capture and [=] of frame locals, used at once.
  int total = 0;
  [&total, n](int k) { total += n + k; }(AWAIT(later(1)));
  auto get = [=] { return total * 2; };
  std::printf("total %d get %d\n", total, get());
  AWAIT(awaitc::sleep(0));
  total = 0;
  std::printf("get after %d\n", get());
}
// CHECK-LABEL: captures
// CHECK-NEXT: ctor P1
// CHECK-NEXT: copy P2 of P1
// CHECK-NEXT: after await: copy P2 value 1, n 20
// CHECK-NEXT: by_copy 21 22, n 20
// CHECK-NEXT: take 3, left 0
// CHECK-NEXT: total 21 get 42
// CHECK-NEXT: get after 42
// CHECK-NEXT: dtor P2
// CHECK-NEXT: dtor P1

AWAITC_ASYNC awaitc::Coro<void> copies_and_generics() {
  int base = 5;
  auto add = [base](auto x) { return x + base; }; // generic
  auto counter = [n = 0]() mutable { return ++n; };
  auto copy = counter; // a copy of a closure that lives in the frame
  const auto &ref = add;
  auto &&bound = [base] { return base * 3; }; // lifetime-extended closure
  counter();
  AWAIT(awaitc::sleep(0));
  std::printf("add %d %.1f\n", add(1), ref(0.5));
  std::printf("counter %d copy %d bound %d\n", counter(), copy(), bound());
  // Nested lambdas: the inner one copies what the outer copied.
  auto outer = [=] { return [=] { return base + 100; }(); };
  AWAIT(awaitc::sleep(0));
  std::printf("outer %d\n", outer());
  // A lambda that makes a coroutine, awaited later.
  auto fetch = [base] { return later(base + 1); };
  std::printf("fetch %d\n", AWAIT(fetch()));
}
// CHECK-LABEL: copies_and_generics
// CHECK-NEXT: add 6 5.5
// CHECK-NEXT: counter 2 copy 1 bound 15
// CHECK-NEXT: outer 105
// CHECK-NEXT: fetch 6

// A parameter copied by a lambda that does not live across a suspension.
AWAITC_ASYNC awaitc::Coro<int> param_copy(int x) {
  AWAIT(awaitc::sleep(0));
  return [x] { return x * 2; }();
}
// CHECK-LABEL: param_copy 42

// Closure temporaries that live across the suspension of their
// full-expression (`<<` evaluates its left operand first), and a closure
// that copies the parameter of a handler that suspends.
AWAITC_ASYNC awaitc::Coro<int> temporaries_and_handlers() {
  int base = 3;
  int shifted = [c = base] { return c; }() << AWAIT(later(2));
  int by_ref = [&] { return base; }() << AWAIT(later(1));
  try {
    throw 5;
  } catch (const int &e) {
    auto keep = [copy = e] { return copy * 10; };
    AWAIT(awaitc::sleep(0));
    return shifted + by_ref + keep();
  }
}
// CHECK-LABEL: temporaries_and_handlers 68

// A task suspended with a closure alive is cancelled: the closure (and
// the copy it holds) is destroyed exactly once.
AWAITC_ASYNC awaitc::Coro<void> holds_copy() {
  Probe p(7);
  auto keep = [p] { return p.value; };
  std::printf("holding %d\n", keep());
  AWAIT(awaitc::sleep(10));
  std::printf("not reached\n");
}
AWAITC_ASYNC awaitc::Coro<void> cancel_holder() {
  awaitc::Task<void> task = awaitc::create_task(holds_copy());
  AWAIT(awaitc::sleep(0));
  task.cancel();
  try {
    AWAIT(task);
  } catch (const awaitc::CancelledError &) {
    std::printf("cancelled, live %d\n", Probe::live());
  }
}
// CHECK-LABEL: cancel_holder
// CHECK-NEXT: ctor P3
// CHECK-NEXT: copy P4 of P3
// CHECK-NEXT: holding 7
// CHECK-NEXT: dtor P4
// CHECK-NEXT: dtor P3
// CHECK-NEXT: cancelled, live 0

class Account {
public:
  explicit Account(int balance) : balance_(balance) {}

  // `this` captured explicitly, implicitly by [=] and by [&], and in an
  // init-capture; a local named like the generated object pointer.
  AWAITC_ASYNC awaitc::Coro<int> audit(int fee) {
    int self = 1;
    auto charge = [this, fee] { balance_ -= fee; };
    auto report = [=] { return balance_ + self; };
    auto twice = [&, fee] { charge(); balance_ -= fee; };
    auto owner = [who = this] { return who->balance_; };
    AWAIT(awaitc::sleep(0));
    charge();
    twice();
    std::printf("report %d owner %d\n", report(), owner());
    return balance_;
  }

private:
  int balance_;
};
// CHECK-LABEL: members
// CHECK-NEXT: report 71 owner 70
// CHECK-NEXT: balance 70
// CODE-LABEL: awaitc::Coro<int> Account::audit(int fee) {
// CODE: static constexpr auto make_charge = [](auto &fee, auto self_2) { return [self_2, fee] { self_2->balance_ -= fee; }; };
// CODE: static constexpr auto make_twice = [](auto &charge, auto &fee, auto self_2) { return [&, self_2, fee] { charge(); self_2->balance_ -= fee; }; };
// CODE: static constexpr auto make_owner = [](auto self_2) { return [who = self_2] { return who->balance_; }; };

template <class T> AWAITC_ASYNC awaitc::Coro<T> scaled(T factor) {
  auto scale = [factor](T x) { return x * factor; };
  T seed = static_cast<T>(AWAIT(later(3)));
  return scale(seed);
}
// CHECK-LABEL: templates
// CHECK-NEXT: scaled 6 7.5

AWAITC_GENERATOR awaitc::Generator<int> multiples(int step) {
  auto next = [step, k = 0]() mutable { return k += step; };
  for (int i = 0; i < 3; ++i)
    YIELD(next());
}
// CHECK-LABEL: generator
// CHECK-NEXT: 4 8 12
// CHECK-NEXT: live 0

AWAITC_ASYNC awaitc::Coro<void> all() {
  std::printf("captures\n");
  AWAIT(captures());
  std::printf("copies_and_generics\n");
  AWAIT(copies_and_generics());
  std::printf("param_copy %d\n", AWAIT(param_copy(21)));
  std::printf("temporaries_and_handlers %d\n", AWAIT(temporaries_and_handlers()));
  std::printf("cancel_holder\n");
  AWAIT(cancel_holder());
  std::printf("members\n");
  Account account(100);
  int balance = AWAIT(account.audit(10));
  std::printf("balance %d\n", balance);
  std::printf("templates\n");
  std::printf("scaled %d %.1f\n", AWAIT(scaled(2)), AWAIT(scaled(2.5)));
}

int main() {
  awaitc::run(all());
  std::printf("generator\n");
  for (int v : multiples(4))
    std::printf("%d ", v);
  std::printf("\nlive %d\n", Probe::live());
}
