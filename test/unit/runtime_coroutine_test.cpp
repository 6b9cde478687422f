// Tests of the C++20 promise types (awaitc/detail/coroutine_frame.h): C++20
// coroutines returning Coro and Generator run on the runtime exactly as
// generated state machines do. Built as C++20 (see CMakeLists.txt). The
// ordering tests name the asyncio program they were checked against
// (CPython 3.11); the expected strings are its output, space-separated.

#include "runtime_frames.h"

#include <awaitc/awaitc.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

using awaitc::Coro;
using awaitc::Generator;
using awaitc_test::Log;
using awaitc_test::virtual_time;

// Logs its construction, copies, moves and destruction.
class Tracer {
public:
  Tracer(Log &log, std::string name) : log_(&log), name_(std::move(name)) {
    (*log_)("+" + name_);
  }
  Tracer(const Tracer &other) : log_(other.log_), name_(other.name_ + "'") {
    (*log_)("copy" + name_);
  }
  Tracer(Tracer &&other) noexcept
      : log_(other.log_), name_(other.name_ + "&") {
    (*log_)("move" + name_);
  }
  ~Tracer() { (*log_)("-" + name_); }
  const std::string &name() const { return name_; }

private:
  Log *log_;
  std::string name_;
};

// async def worker(name):
//     for i in range(3):
//         log(f"{name}{i}")
//         await asyncio.sleep(0)
Coro<void> worker(Log &log, std::string name) {
  for (int i = 0; i < 3; ++i) {
    log(name + std::to_string(i));
    co_await awaitc::sleep(0);
  }
}

Coro<int> value_later(Log &log, std::string name, int value) {
  co_await awaitc::sleep(0);
  log(name);
  co_return value;
}

// async def main():
//     t = asyncio.create_task(worker("a"))
//     log("m0"); v = await value_later("v", 2); log(f"m{v}")
//     await worker("b"); await t; log("end")
TEST(Coroutine, SchedulingOrderIsAsyncios) {
  Log log;
  auto main_coro = [](Log &log) -> Coro<int> {
    awaitc::Task<void> t = awaitc::create_task(worker(log, "a"));
    log("m0");
    int v = co_await value_later(log, "v", 2);
    log("m" + std::to_string(v));
    co_await worker(log, "b");
    co_await t;
    log("end");
    co_return 7;
  };
  EXPECT_EQ(awaitc::run(main_coro(log)), 7);
  EXPECT_EQ(log.str(), "m0 a0 v m2 b0 a1 b1 a2 b2 end");
}

TEST(Coroutine, IsLazy) {
  Log log;
  auto body = [](Log &log) -> Coro<void> {
    log("ran");
    co_return;
  };
  {
    Coro<void> c = body(log);
    EXPECT_FALSE(c.done());
  }
  EXPECT_EQ(log.str(), "");
}

Coro<int> throws_after(bool suspend_first) {
  if (suspend_first)
    co_await awaitc::sleep(0);
  throw std::runtime_error("boom");
}

TEST(Coroutine, ExceptionsReachTheAwaiter) {
  Log log;
  auto main_coro = [](Log &log) -> Coro<void> {
    for (bool suspend : {false, true}) {
      try {
        co_await throws_after(suspend);
      } catch (const std::runtime_error &e) {
        log(std::string(e.what()) + (suspend ? "1" : "0"));
      }
    }
  };
  awaitc::run(main_coro(log));
  EXPECT_EQ(log.str(), "boom0 boom1");
}

Coro<int> throws_with_local(Log &log) {
  Tracer local(log, "l");
  co_await awaitc::sleep(0);
  throw std::runtime_error("boom");
}

Generator<int> generator_throws_with_local(Log &log) {
  Tracer local(log, "g");
  co_yield 1;
  throw std::runtime_error("gen");
}

TEST(Coroutine, AnExceptionDestroysTheLocalsOnce) {
  Log log;
  auto main_coro = [](Log &log) -> Coro<void> {
    try {
      co_await throws_with_local(log);
    } catch (const std::runtime_error &) {
      log("caught");
    }
    try {
      for (int v : generator_throws_with_local(log))
        log(std::to_string(v));
    } catch (const std::runtime_error &) {
      log("caught");
    }
  };
  awaitc::run(main_coro(log));
  EXPECT_EQ(log.str(), "+l -l caught +g 1 -g caught");
}

TEST(Coroutine, ExceptionEndsTheTask) {
  auto main_coro = []() -> Coro<int> {
    awaitc::Task<int> t = awaitc::create_task(throws_after(true));
    co_await awaitc::sleep(0);
    co_await awaitc::sleep(0);
    EXPECT_TRUE(t.done());
    EXPECT_THROW(t.result(), std::runtime_error);
    co_return 1;
  };
  EXPECT_EQ(awaitc::run(main_coro()), 1);
}

// A value-returning body that flows off its end: what the emitter adds.
Coro<int> flows_off(bool end) {
  if (!end)
    co_return 1;
  co_return awaitc::detail::FlowedOffEnd{};
}
// With a dependent result type, which may be void. Clang cannot see that
// this does not return for a non-void T, and warns.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wreturn-type"
#endif
template <class T> Coro<T> dependent_end(bool end) {
  if (!end)
    co_return T();
  co_await awaitc::detail::FlowedOffEnd{};
}
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

TEST(Coroutine, FlowingOffTheEndThrowsLikeAStateMachine) {
  auto main_coro = []() -> Coro<int> {
    int v = co_await flows_off(false);
    co_await dependent_end<void>(true);
    int thrown = 0;
    try {
      co_await flows_off(true);
    } catch (const std::logic_error &) {
      ++thrown;
    }
    try {
      co_await dependent_end<int>(true);
    } catch (const std::logic_error &) {
      ++thrown;
    }
    co_return v + 10 * thrown;
  };
  EXPECT_EQ(awaitc::run(main_coro()), 21);
}

// async def sleeper(): try: await asyncio.sleep(10)
//                      except CancelledError: log("caught"); return 5
TEST(Coroutine, CancellationIsThrownAtTheAwait) {
  Log log;
  auto main_coro = [](Log &log) -> Coro<void> {
    auto sleeper = [](Log &log) -> Coro<int> {
      Tracer local(log, "l");
      try {
        co_await awaitc::sleep(10);
      } catch (const awaitc::CancelledError &) {
        log("caught");
        co_return 5;
      }
      co_return 0;
    };
    auto forever = [](Log &log) -> Coro<void> {
      Tracer local(log, "f");
      co_await awaitc::sleep(100);
      log("never");
    };
    awaitc::Task<int> t = awaitc::create_task(sleeper(log));
    awaitc::Task<void> u = awaitc::create_task(forever(log));
    co_await awaitc::sleep(0);
    t.cancel();
    u.cancel();
    log("r" + std::to_string(co_await t));
    try {
      co_await u;
    } catch (const awaitc::CancelledError &) {
      log("u cancelled");
    }
    EXPECT_TRUE(u.cancelled());
  };
  awaitc::run(main_coro(log), virtual_time());
  EXPECT_EQ(log.str(), "+l +f caught -l -f r5 u cancelled");
}

// Suspends until the test resumes the frame by hand (no task, no loop).
struct Manual {
  awaitc::detail::FrameBase **waiting;
  bool await_ready() const noexcept { return false; }
  bool await_suspend(awaitc::detail::FrameBase &frame) noexcept {
    *waiting = &frame;
    return true;
  }
  int await_resume() const noexcept { return 3; }
};

Coro<int> manual(Log &log, awaitc::detail::FrameBase **waiting) {
  Tracer a(log, "a");
  Tracer b(log, "b");
  int v = co_await Manual{waiting};
  Tracer c(log, "c");
  co_await Manual{waiting};
  co_return v;
}

TEST(Coroutine, ResumesThroughTheFrame) {
  Log log;
  awaitc::detail::FrameBase *waiting = nullptr;
  Coro<int> c = manual(log, &waiting);
  c.frame()->awaitc_resume();
  ASSERT_EQ(waiting, c.frame());
  EXPECT_FALSE(c.done());
  EXPECT_TRUE(c.frame()->awaitc_started());
  c.frame()->awaitc_resume();
  EXPECT_FALSE(c.done());
  c.frame()->awaitc_resume();
  EXPECT_TRUE(c.done());
  EXPECT_EQ(c.frame()->awaitc_take_result(), 3);
  EXPECT_EQ(log.str(), "+a +b +c -c -b -a");
}

TEST(Coroutine, DestroyingASuspendedCoroutineDestroysItsLocals) {
  Log log;
  awaitc::detail::FrameBase *waiting = nullptr;
  {
    Coro<int> c = manual(log, &waiting);
    c.frame()->awaitc_resume();
    c.frame()->awaitc_resume();
    EXPECT_EQ(log.str(), "+a +b +c");
  }
  EXPECT_EQ(log.str(), "+a +b +c -c -b -a");
}

Generator<Tracer> tracers(Log &log) {
  Tracer local(log, "x");
  co_yield local;                                     // a copy
  co_yield Tracer(log, "t");                          // the temporary itself
  co_yield awaitc::detail::yielded_xvalue(std::move(local)); // moved from
  log("end");
}

TEST(CoroutineGenerator, YieldsCopiesTemporariesAndMovedValues) {
  Log log;
  for (const Tracer &t : tracers(log))
    log("got" + t.name());
  EXPECT_EQ(log.str(), "+x copyx' gotx' -x' +t gott -t movex& gotx& -x& end "
                       "-x");
}

TEST(CoroutineGenerator, AbandonedEarlyDestroysItsLocals) {
  Log log;
  {
    Generator<Tracer> g = tracers(log);
    for (const Tracer &t : g) {
      log("got" + t.name());
      break;
    }
    log("after");
  }
  EXPECT_EQ(log.str(), "+x copyx' gotx' after -x' -x");
}

Generator<int> throwing(int n) {
  for (int i = 0; i < n; ++i)
    co_yield i;
  throw std::runtime_error("gen");
}

TEST(CoroutineGenerator, ExceptionsLeaveTheIncrement) {
  int sum = 0;
  try {
    for (int v : throwing(3))
      sum += v;
    FAIL() << "no exception";
  } catch (const std::runtime_error &e) {
    EXPECT_STREQ(e.what(), "gen");
  }
  EXPECT_EQ(sum, 3);
  Generator<int> g = throwing(1);
  EXPECT_TRUE(g.next());
  EXPECT_EQ(g.value(), 0);
  EXPECT_THROW(g.next(), std::runtime_error);
  EXPECT_FALSE(g.next());
}

Generator<int> converted(long first) {
  co_yield first;  // converted to an int temporary
  co_yield {};     // a value-initialized int
}

TEST(CoroutineGenerator, ConvertsToTheValueType) {
  std::string seen;
  for (int v : converted(4))
    seen += std::to_string(v);
  EXPECT_EQ(seen, "40");
}

// print_stack() names a C++20 frame's function as a generated frame does:
// unqualified, without its template arguments, from the signature that
// std::source_location gives with either compiler.
TEST(CoroutineWhere, FunctionNamesComeFromTheSignature) {
  using awaitc::detail::function_name_of;
  EXPECT_EQ(function_name_of("awaitc::Coro<int> leaf(int)"), "leaf");
  EXPECT_EQ(function_name_of("awaitc::Coro<void> main_coro()"), "main_coro");
  EXPECT_EQ(function_name_of(
                "awaitc::Coro<int> app::S<long>::get(int) [T = long]"),
            "get");
  EXPECT_EQ(function_name_of("awaitc::Coro<T> later(T) [with T = int]"),
            "later");
  EXPECT_EQ(function_name_of("awaitc::Coro<std::pair<int, int>> "
                             "pairs<std::vector<int>>(const std::vector<int> "
                             "&)"),
            "pairs");
  EXPECT_EQ(function_name_of("awaitc::Coro<int> (anonymous namespace)::"
                             "run(void (*)(int))"),
            "run");
  EXPECT_EQ(function_name_of("auto main_coro()::(anonymous class)::"
                             "operator()() const"),
            "lambda");
  EXPECT_EQ(function_name_of("no_parameters"), "no_parameters");
  // A class's own operators keep their names, punctuation and all.
  EXPECT_EQ(function_name_of("awaitc::Coro<int> Adder::operator()(int)",
                             "fetch"),
            "operator()");
  EXPECT_EQ(function_name_of("awaitc::Coro<T> S<T>::operator()(T) const "
                             "[with T = long int]"),
            "operator()");
  EXPECT_EQ(function_name_of("awaitc::Coro<bool> Adder::operator<(int) const"),
            "operator<");
  EXPECT_EQ(function_name_of("awaitc::Coro<Money> operator-(Money, Money)"),
            "operator-");
  EXPECT_EQ(function_name_of("awaitc::Coro<int> Adder::operator[](int)"),
            "operator[]");
  // A lambda's call operator is the name the tool gave the lambda, in
  // Clang's and g++'s spellings (g++'s before the body runs too).
  EXPECT_EQ(function_name_of("auto main_coro()::(anonymous class)::"
                             "operator()(auto) const [x:auto = int]",
                             "fetch"),
            "fetch");
  EXPECT_EQ(function_name_of("void main_coro()::<lambda(int)>::operator()("
                             "main_coro()::<lambda(int)>::_ZZ9main_corovENKUliE"
                             "_clEi.Frame*)",
                             "fetch"),
            "fetch");
  EXPECT_EQ(function_name_of("main_coro()::<lambda(int)>", "fetch"), "fetch");
  EXPECT_EQ(
      function_name_of("<lambda(auto:1)> mutable [with auto:1 = int]", "fetch"),
      "fetch");
  EXPECT_EQ(function_name_of("awaitc::Coro<int> apply(const F&, int) [with F "
                             "= main_coro()::<lambda(int)>]",
                             "fetch"),
            "apply");
  EXPECT_EQ(function_name_of("awaitc::Coro<int> <lambda()>::S::get()", "fetch"),
            "get");
}

// The name awaitc --emit=cxx20 gives an annotated lambda (named_lambda), as
// the state machines name its frame: before the body runs, while it waits,
// and for an async generator; a function that awaits such a lambda, given
// as its first argument, keeps its own name.
constexpr auto constant_named = awaitc::detail::named_lambda<"constant_named">(
    [](awaitc::Event &gate) -> Coro<int> {
      co_await gate.wait();
      co_return 1;
    });
auto named_numbers = awaitc::detail::named_lambda<"named_numbers">(
    [](awaitc::Event &gate) -> awaitc::AsyncGenerator<int> {
      co_await gate.wait();
      co_yield 2;
    });
template <class F>
Coro<int> await_given(const F &f, awaitc::Event &gate, int n) {
  int v = co_await f(gate, n);
  co_return v;
}
Coro<int> sum_named_numbers(awaitc::Event &gate) {
  auto numbers = named_numbers(gate);
  std::optional<int> v = co_await numbers.next();
  co_return *v;
}

TEST(CoroutineWhere, ANamedLambdaIsCalledByItsName) {
  awaitc::EventLoop loop;
  awaitc::Event gate;
  auto local = awaitc::detail::named_lambda<"local">(
      [](awaitc::Event &event, int n) -> Coro<int> {
        co_await event.wait();
        co_return n;
      });
  std::vector<awaitc::Task<int>> tasks;
  tasks.push_back(awaitc::create_task(local(gate, 3)));
  tasks.push_back(awaitc::create_task(constant_named(gate)));
  tasks.push_back(awaitc::create_task(await_given(local, gate, 3)));
  tasks.push_back(awaitc::create_task(sum_named_numbers(gate)));
  auto names = [&] {
    std::string all;
    for (const awaitc::Task<int> &task : tasks) {
      std::ostringstream stack;
      task.print_stack(stack);
      std::string text = stack.str();
      for (size_t in = text.find(" in "); in != std::string::npos;
           in = text.find(" in ", in + 1))
        all += text.substr(in + 4, text.find('\n', in) - in - 4) + " ";
    }
    return all;
  };
  EXPECT_EQ(names(), "local constant_named await_given sum_named_numbers ");
  loop.run_once();
  EXPECT_EQ(names(), "local constant_named await_given local "
                     "sum_named_numbers named_numbers ");
  gate.set();
  while (!std::all_of(tasks.begin(), tasks.end(),
                      [](const awaitc::Task<int> &t) { return t.done(); }))
    loop.run_once();
  int sum = 0;
  for (awaitc::Task<int> &task : tasks)
    sum += task.result();
  EXPECT_EQ(sum, 3 + 1 + 3 + 2);
}

// The frame of a C++20 coroutine reports the line it is waiting at.
TEST(CoroutineWhere, ASuspendedFrameIsAtItsCoAwait) {
  awaitc::EventLoop loop;
  awaitc::Event gate;
  auto waiting = [&]() -> Coro<int> {
    co_await gate.wait();
    co_return 1;
  };
  unsigned line = __LINE__ - 3;
  awaitc::Task<int> task = awaitc::create_task(waiting());
  loop.run_once();
  std::ostringstream stack;
  task.print_stack(stack);
  EXPECT_NE(stack.str().find("runtime_coroutine_test.cpp:" +
                             std::to_string(line) + " in lambda"),
            std::string::npos)
      << stack.str();
  gate.set();
  while (!task.done())
    loop.run_once();
  EXPECT_EQ(task.result(), 1);
}

} // namespace
