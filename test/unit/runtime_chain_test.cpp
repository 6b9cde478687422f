// Tests of chains of frames awaiting each other (AWAIT(coro)): the
// trampoline that runs them keeps the C stack flat at any depth, keeps the
// order of running the child inline, carries exceptions and cancellation up
// the chain, and destroys a suspended chain innermost frame first, without
// recursion. Also the report of a Coro that is never awaited.
//
// The coroutines are hand-written frames (see runtime_frames.h). The depths
// here are small enough for the valgrind run; test/unit/runtime_scale_test.cpp
// runs a million.

#include "runtime_chains.h"
#include "runtime_frames.h"

#include <awaitc/awaitc.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

namespace {

using awaitc::Coro;
using awaitc::SleepAwaiter;
using awaitc::Task;
using awaitc_test::Await;
using awaitc_test::coro;
using awaitc_test::Log;
using awaitc_test::Bottom;
using awaitc_test::Forever;
using awaitc_test::nested;
using awaitc_test::StackSpan;

// The old protocol ran the child's step inside the awaiter's: a frame of
// C stack per level (hundreds of bytes), so 10,000 levels took megabytes.
TEST(Chain, AwaitDepthDoesNotGrowTheStack) {
  for (Bottom bottom : {Bottom::Return, Bottom::Sleep}) {
    StackSpan span;
    EXPECT_EQ(awaitc::run(nested(10000, bottom, &span)), 10000);
    EXPECT_LT(span.size(), 16u * 1024) << "the chain grew the C stack";
  }
}

TEST(Chain, ExceptionAtTheBottomReachesTheTop) {
  StackSpan span;
  Coro<int> chain = nested(10000, Bottom::Throw, &span);
  EXPECT_THROW(awaitc::run(std::move(chain)), std::runtime_error);
  EXPECT_LT(span.size(), 16u * 1024);
}

// async def child(): log("child starts"); await asyncio.sleep(0); log("child ends"); return 1
// async def other(): log("other")
// async def main():
//     asyncio.create_task(other())
//     log("before"); v = await child(); log(f"after {v}")
//     v = await quick(); log(f"quick {v}")
// where quick() returns 2 at once. asyncio prints:
// before child starts other child ends after 1 quick 2
TEST(Chain, AwaitRunsTheChildAtOnceAndResumesTheAwaiterAtOnce) {
  Log log;
  auto child = [&log] {
    return coro<int>([&log, s = Await<SleepAwaiter>()](auto &f) mutable {
      switch (f.state()) {
      case 0:
        log("child starts");
        if (f.await(1, s, awaitc::sleep(0)))
          return;
        [[fallthrough]];
      case 1:
        s.resume();
        log("child ends");
        f.return_value(1);
      }
    });
  };
  auto quick = [] { return coro<int>([](auto &f) { f.return_value(2); }); };
  auto other = [&log] {
    return coro<void>([&log](auto &f) {
      log("other");
      f.return_void();
    });
  };
  awaitc::run(coro<void>([&, t = Task<void>(), a = Await<Coro<int>>(),
                          b = Await<Coro<int>>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      t = awaitc::create_task(other());
      log("before");
      if (f.await(1, a, child()))
        return;
      [[fallthrough]];
    case 1:
      log("after " + std::to_string(a.resume()));
      if (f.await(2, b, quick()))
        return;
      [[fallthrough]];
    case 2:
      log("quick " + std::to_string(b.resume()));
      f.return_void();
    }
  }));
  EXPECT_EQ(log.str(), "before child starts other child ends after 1 quick 2");
}

// Objects whose destruction is logged.
struct Tracer {
  Log *log;
  std::string name;
  Tracer(Log &l, std::string n) : log(&l), name(std::move(n)) {}
  Tracer(Tracer &&other) noexcept
      : log(std::exchange(other.log, nullptr)), name(other.name) {}
  ~Tracer() {
    if (log)
      (*log)("~" + name);
  }
};

// A chain of three frames, each with a local, suspended at the bottom.
Coro<void> traced(Log &log, int level) {
  return coro<void>([&log, level, local = Tracer(log, std::to_string(level)),
                     child = Await<Coro<void>>(),
                     never = Await<Forever>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      if (level == 0) {
        if (f.await(2, never, Forever()))
          return;
      } else if (f.await(1, child, traced(log, level - 1))) {
        return;
      }
      [[fallthrough]];
    default:
      f.return_void();
    }
  });
}

// As C++20 coroutines destroyed while suspended: the awaiting frame's
// awaiter is destroyed first, with the frame it owns.
TEST(Chain, DestroyingASuspendedChainDestroysTheInnermostFrameFirst) {
  Log log;
  {
    Coro<void> chain = traced(log, 2);
    chain.frame()->awaitc_resume();
    EXPECT_FALSE(chain.done());
    EXPECT_EQ(log.str(), "");
  }
  EXPECT_EQ(log.str(), "~0 ~1 ~2");
}

TEST(Chain, DestroyingADeepSuspendedChainDoesNotRecurse) {
  StackSpan span;
  Coro<int> chain = nested(100000, Bottom::Forever, &span);
  chain.frame()->awaitc_resume();
  EXPECT_FALSE(chain.done());
  chain = Coro<int>(); // would overflow the stack if destroyed recursively
  EXPECT_FALSE(chain.valid());
}

// A task cancelled while a chain sleeps at its bottom: CancelledError goes
// up the whole chain and ends the task.
TEST(Chain, CancellingAChainSuspendedAtTheBottom) {
  StackSpan span;
  bool caught = false;
  awaitc::run(coro<void>([&, t = Task<int>(), s = Await<SleepAwaiter>(),
                          w = Await<Task<int> &>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      t = awaitc::create_task(nested(10000, Bottom::LongSleep, &span));
      if (f.await(1, s, awaitc::sleep(0)))
        return;
      [[fallthrough]];
    case 1:
      s.resume();
      EXPECT_FALSE(t.done());
      t.cancel();
      if (f.await(2, w, t))
        return;
      [[fallthrough]];
    case 2:
      try {
        w.resume();
      } catch (const awaitc::CancelledError &) {
        caught = true;
      }
      EXPECT_TRUE(t.cancelled());
      f.return_void();
    }
  }),
              awaitc_test::virtual_time());
  EXPECT_TRUE(caught);
  EXPECT_LT(span.size(), 16u * 1024);
}

// --- Coroutines never awaited ------------------------------------------------

Coro<int> answer() {
  return coro<int>([](auto &f) { f.return_value(42); }, "answer");
}

std::string stderr_of(void (*body)()) {
  testing::internal::CaptureStderr();
  body();
  return testing::internal::GetCapturedStderr();
}

TEST(NeverAwaited, ACoroDestroyedUnstartedIsReported) {
  EXPECT_EQ(stderr_of([] { (void)answer(); }),
            "awaitc: RuntimeWarning: coroutine 'answer' was never awaited\n");
  EXPECT_EQ(stderr_of([] {
              Coro<int> kept = answer();
              Coro<int> other = answer();
              kept = std::move(other); // drops the first one
            }),
            "awaitc: RuntimeWarning: coroutine 'answer' was never awaited\n"
            "awaitc: RuntimeWarning: coroutine 'answer' was never awaited\n");
}

TEST(NeverAwaited, AwaitedScheduledOrMovedFromCorosAreNotReported) {
  EXPECT_EQ(stderr_of([] {
              int v = awaitc::run(coro<int>(
                  [a = Await<Coro<int>>()](auto &f) mutable {
                    switch (f.state()) {
                    case 0:
                      if (f.await(1, a, answer()))
                        return;
                      [[fallthrough]];
                    case 1:
                      f.return_value(a.resume());
                    }
                  },
                  "main"));
              EXPECT_EQ(v, 42);
            }),
            "");
  // Scheduled: a task that is cancelled before its first step never runs
  // the body, and is not reported either (asyncio throws into it).
  EXPECT_EQ(stderr_of([] {
              awaitc::run(coro<void>([](auto &f) {
                Task<int> t = awaitc::create_task(answer());
                t.cancel();
                (void)awaitc::create_task(answer());
                f.return_void();
              }));
            }),
            "");
  EXPECT_EQ(stderr_of([] {
              Coro<int> first = answer();
              Coro<int> second = std::move(first);
              awaitc::run(std::move(second));
            }),
            "");
}

TEST(NeverAwaited, FinishedOrFailedCorosAreNotReported) {
  EXPECT_EQ(stderr_of([] {
              EXPECT_THROW(awaitc::run(nested(3, Bottom::Throw)),
                           std::runtime_error);
            }),
            "");
}

} // namespace
