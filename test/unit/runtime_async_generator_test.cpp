// Tests of AsyncGenerator<T> (awaitc/async_generator.h), written as C++20
// coroutines on the runtime (the promise of detail/coroutine_frame.h drives
// the same AsyncGeneratorFrame protocol as a generated state machine). The
// ordering tests name the asyncio program they were checked against (CPython
// 3.11); the expected strings are its output, space-separated.

#include "runtime_frames.h"

#include <awaitc/awaitc.h>

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace {

using awaitc::AsyncGenerator;
using awaitc::Coro;
using awaitc_test::Log;
using awaitc_test::virtual_time;

class Tracer {
public:
  Tracer(Log &log, std::string name) : log_(&log), name_(std::move(name)) {
    (*log_)("+" + name_);
  }
  Tracer(const Tracer &) = delete;
  Tracer &operator=(const Tracer &) = delete;
  ~Tracer() { (*log_)("-" + name_); }

private:
  Log *log_;
  std::string name_;
};

std::string show(const std::optional<int> &v) {
  return v ? std::to_string(*v) : "None";
}

// async def count(n):
//     log("start")
//     for i in range(n):
//         await asyncio.sleep(0); yield i
//     log("end")
AsyncGenerator<int> count(Log &log, int n) {
  Tracer local(log, "g");
  log("start");
  for (int i = 0; i < n; ++i) {
    co_await awaitc::sleep(0);
    co_yield i;
  }
  log("end");
}

TEST(AsyncGenerator, IsLazy) {
  Log log;
  {
    AsyncGenerator<int> g = count(log, 2);
    EXPECT_TRUE(g.valid());
    EXPECT_FALSE(g.done());
  }
  EXPECT_EQ(log.str(), "");
}

TEST(AsyncGenerator, GivesTheValuesThenEmptyForever) {
  Log log;
  auto main_coro = [](Log &log) -> Coro<void> {
    AsyncGenerator<int> g = count(log, 2);
    for (int i = 0; i < 5; ++i)
      log(show(co_await g.next()));
    EXPECT_TRUE(g.done());
  };
  awaitc::run(main_coro(log));
  EXPECT_EQ(log.str(), "+g start 0 1 end -g None None None");
}

// async def other(): for i in range(3): log(f"o{i}"); await sleep(0)
// t = create_task(other()); g = count(2)
// while (v := await anext(g, None)) is not None: log(v)
// await t
// asyncio: start o0 0 o1 1 end o2
TEST(AsyncGenerator, RunsInTheAwaitingTaskWithoutALoopHop) {
  Log log;
  auto other = [](Log &log) -> Coro<void> {
    for (int i = 0; i < 3; ++i) {
      log("o" + std::to_string(i));
      co_await awaitc::sleep(0);
    }
  };
  auto main_coro = [&other](Log &log) -> Coro<void> {
    awaitc::Task<void> t = awaitc::create_task(other(log));
    AsyncGenerator<int> g = count(log, 2);
    while (std::optional<int> v = co_await g.next())
      log(std::to_string(*v));
    co_await t;
  };
  awaitc::run(main_coro(log));
  EXPECT_EQ(log.str(), "+g start o0 0 o1 1 end -g o2");
}

AsyncGenerator<int> throws_at(Log &log, int at) {
  Tracer local(log, "t");
  for (int i = 0;; ++i) {
    co_await awaitc::sleep(0);
    if (i == at)
      throw std::runtime_error("boom" + std::to_string(i));
    co_yield i;
  }
}

TEST(AsyncGenerator, AnExceptionReachesTheAwaitOfNextOnce) {
  Log log;
  auto main_coro = [](Log &log) -> Coro<void> {
    AsyncGenerator<int> g = throws_at(log, 1);
    log(show(co_await g.next()));
    try {
      co_await g.next();
      log("not reached");
    } catch (const std::runtime_error &e) {
      log(e.what());
    }
    EXPECT_TRUE(g.done());
    log(show(co_await g.next()));
  };
  awaitc::run(main_coro(log));
  EXPECT_EQ(log.str(), "+t 0 -t boom1 None");
}

TEST(AsyncGenerator, DestroyingASuspendedGeneratorDestroysItsLocals) {
  Log log;
  auto main_coro = [](Log &log) -> Coro<void> {
    {
      AsyncGenerator<int> g = count(log, 5);
      log(show(co_await g.next()));
      log("drop");
    }
    log("after");
  };
  awaitc::run(main_coro(log));
  EXPECT_EQ(log.str(), "+g start 0 drop -g after");
}

AsyncGenerator<int> waits_long(Log &log) {
  Tracer local(log, "w");
  co_yield 1;
  try {
    co_await awaitc::sleep(100);
  } catch (const awaitc::CancelledError &) {
    log("gen cancelled");
    throw;
  }
  co_yield 2;
}

// The consumer's task is cancelled while the generator waits inside next():
// CancelledError is thrown in the generator, at its await.
TEST(AsyncGenerator, CancellationLandsAtTheGeneratorsAwait) {
  Log log;
  auto consumer = [](Log &log) -> Coro<void> {
    AsyncGenerator<int> g = waits_long(log);
    try {
      while (std::optional<int> v = co_await g.next())
        log(std::to_string(*v));
    } catch (const awaitc::CancelledError &) {
      log("consumer cancelled");
      throw;
    }
  };
  auto main_coro = [&consumer](Log &log) -> Coro<void> {
    awaitc::Task<void> t = awaitc::create_task(consumer(log));
    co_await awaitc::sleep(1);
    t.cancel();
    try {
      co_await t;
    } catch (const awaitc::CancelledError &) {
      log("task cancelled");
    }
  };
  awaitc::run(main_coro(log), virtual_time());
  EXPECT_EQ(log.str(),
            "+w 1 gen cancelled -w consumer cancelled task cancelled");
}

// A task destroyed (not cancelled) while the generator it iterates waits
// inside next(): the task's frame is destroyed, and with it the generator
// that the frame owns, in the order of the frame's locals.
TEST(AsyncGenerator, DestroyingTheAwaitingChainDestroysTheGeneratorOnce) {
  Log log;
  awaitc::detail::FrameBase *waiting = nullptr;
  struct Manual {
    awaitc::detail::FrameBase **waiting;
    bool await_ready() const noexcept { return false; }
    bool await_suspend(awaitc::detail::FrameBase &frame) noexcept {
      *waiting = &frame;
      return true;
    }
    void await_resume() const noexcept {}
  };
  auto gen = [](Log &log, awaitc::detail::FrameBase **waiting)
      -> AsyncGenerator<int> {
    Tracer local(log, "g");
    co_await Manual{waiting};
    co_yield 1;
  };
  auto consumer = [&gen](Log &log,
                         awaitc::detail::FrameBase **waiting) -> Coro<int> {
    AsyncGenerator<int> g = gen(log, waiting);
    Tracer after(log, "c");
    std::optional<int> v = co_await g.next();
    co_return v.value_or(0);
  };
  {
    Coro<int> c = consumer(log, &waiting);
    c.frame()->awaitc_resume();
    ASSERT_NE(waiting, nullptr);
    EXPECT_NE(waiting, c.frame());
    EXPECT_FALSE(c.done());
  }
  // The body starts at next(); the consumer's locals are destroyed in
  // reverse order: `after`, then the generator with the body's locals.
  EXPECT_EQ(log.str(), "+c +g -c -g");
}

TEST(AsyncGenerator, NextWhileRunningThrows) {
  Log log;
  auto intruder = [](Log &log, AsyncGenerator<int> &g) -> Coro<void> {
    try {
      co_await g.next();
    } catch (const std::runtime_error &e) {
      log(e.what());
    }
  };
  auto main_coro = [&intruder](Log &log) -> Coro<void> {
    AsyncGenerator<int> g = count(log, 1);
    awaitc::Task<void> t = awaitc::create_task(intruder(log, g));
    log(show(co_await g.next()));
    co_await t;
  };
  awaitc::run(main_coro(log));
  EXPECT_EQ(log.str(),
            "+g start anext(): asynchronous generator is already running 0 -g");
}

AsyncGenerator<std::unique_ptr<int>> boxes() {
  for (int i = 0; i < 2; ++i)
    co_yield std::make_unique<int>(i);
  auto last = std::make_unique<int>(7);
  co_yield awaitc::detail::yielded_xvalue(std::move(last));
}

TEST(AsyncGenerator, MovesValuesOut) {
  Log log;
  auto main_coro = [](Log &log) -> Coro<void> {
    AsyncGenerator<std::unique_ptr<int>> g = boxes();
    while (std::optional<std::unique_ptr<int>> v = co_await g.next())
      log(std::to_string(**v));
  };
  awaitc::run(main_coro(log));
  EXPECT_EQ(log.str(), "0 1 7");
}

TEST(AsyncGenerator, IsMoveOnly) {
  static_assert(!std::is_copy_constructible_v<AsyncGenerator<int>>);
  static_assert(std::is_nothrow_move_constructible_v<AsyncGenerator<int>>);
  Log log;
  AsyncGenerator<int> a = count(log, 1);
  AsyncGenerator<int> b = std::move(a);
  EXPECT_FALSE(a.valid());
  EXPECT_TRUE(b.valid());
  AsyncGenerator<int> c;
  EXPECT_FALSE(c.valid());
  c = std::move(b);
  EXPECT_TRUE(c.valid());
  EXPECT_EQ(log.str(), "");
}

} // namespace
