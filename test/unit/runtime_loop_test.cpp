// Tests of the event loop: ready queue order, iterations, timers, time.
//
// Each ordering test names the asyncio program it was checked against
// (CPython 3.11); the expected strings are that program's output.

#include "runtime_frames.h"

#include <awaitc/awaitc.h>

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

namespace {

using awaitc::EventLoop;
using awaitc_test::Log;
using awaitc_test::virtual_time;

// Runs the loop until nothing is left to do.
void run_loop(EventLoop &loop) {
  loop.run_until([] { return false; });
}

// loop.call_soon(log, "a"); loop.call_soon(log, "b"); loop.call_soon(log, "c")
// -> a b c
TEST(EventLoop, CallSoonRunsInFifoOrder) {
  EventLoop loop(virtual_time());
  Log log;
  awaitc::call_soon([&] { log("a"); });
  awaitc::call_soon([&] { log("b"); });
  awaitc::call_soon([&] { log("c"); });
  run_loop(loop);
  EXPECT_EQ(log.str(), "a b c");
}

// An iteration runs only what was ready when it began; what those callbacks
// schedule waits for the next iteration, behind the timers due by then.
//
//   def x(i):
//       log(f"x{i}")
//       if i < 2: loop.call_soon(x, i + 1)
//       if i == 0: loop.call_later(0, log, "t")
//   loop.call_soon(x, 0)
// -> x0 x1 t x2   (a loop that drained the queue would print x0 x1 x2 t)
TEST(EventLoop, RunsOnlyCallbacksReadyWhenTheIterationBegan) {
  EventLoop loop(virtual_time());
  Log log;
  std::function<void(int)> x = [&](int i) {
    log("x" + std::to_string(i));
    if (i < 2)
      awaitc::call_soon([&, i] { x(i + 1); });
    if (i == 0)
      awaitc::call_later(0, [&] { log("t"); });
  };
  awaitc::call_soon([&] { x(0); });
  run_loop(loop);
  EXPECT_EQ(log.str(), "x0 x1 t x2");
}

// Due timers join the back of the ready queue.
//   loop.call_soon(log, "a"); loop.call_later(0, log, "t");
//   loop.call_soon(log, "b")
// -> a b t
TEST(EventLoop, DueTimersJoinTheBackOfTheReadyQueue) {
  EventLoop loop(virtual_time());
  Log log;
  awaitc::call_soon([&] { log("a"); });
  awaitc::call_later(0, [&] { log("t"); });
  awaitc::call_soon([&] { log("b"); });
  run_loop(loop);
  EXPECT_EQ(log.str(), "a b t");
}

// Timers run in (deadline, scheduling order).
//   now = loop.time()
//   loop.call_at(now + 2, log, "a"); loop.call_at(now + 1, log, "b")
//   loop.call_at(now + 1, log, "c"); loop.call_at(now + 0.5, log, "d")
//   loop.call_at(now + 1, log, "e")
// -> d b c e a
// CPython prints "d c b e a": its timer heap compares deadlines only, so
// equal deadlines come out in no particular order. awaitc breaks ties by
// scheduling order, as the SPEC says; with virtual time equal deadlines are
// common, and the order must be reproducible.
TEST(EventLoop, TimersRunInDeadlineThenSchedulingOrder) {
  EventLoop loop(virtual_time());
  Log log;
  awaitc::call_later(2, [&] { log("a"); });
  awaitc::call_later(1, [&] { log("b"); });
  awaitc::call_at(1, [&] { log("c"); });
  awaitc::call_later(0.5, [&] { log("d"); });
  awaitc::call_later(1, [&] { log("e"); });
  run_loop(loop);
  EXPECT_EQ(log.str(), "d b c e a");
}

TEST(EventLoop, ManyEqualDeadlinesKeepSchedulingOrder) {
  EventLoop loop(virtual_time());
  std::vector<int> order;
  for (int i = 0; i < 100; ++i)
    awaitc::call_at(1, [&order, i] { order.push_back(i); });
  run_loop(loop);
  ASSERT_EQ(order.size(), 100u);
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(order[i], i);
}

TEST(EventLoop, VirtualTimeStartsAtZeroAndJumpsToDeadlines) {
  const auto wall_start = std::chrono::steady_clock::now();
  EventLoop loop(virtual_time());
  EXPECT_EQ(awaitc::loop_time(), 0.0);
  std::vector<double> seen;
  awaitc::call_later(1, [&] {
    seen.push_back(awaitc::loop_time());
    awaitc::call_later(0.5, [&] { seen.push_back(awaitc::loop_time()); });
  });
  awaitc::call_later(3600, [&] { seen.push_back(awaitc::loop_time()); });
  run_loop(loop);
  EXPECT_EQ(seen, (std::vector<double>{1.0, 1.5, 3600.0}));
  EXPECT_LT(std::chrono::steady_clock::now() - wall_start,
            std::chrono::seconds(1));
}

TEST(EventLoop, RealTimeWaitsForTheDeadline) {
  EventLoop loop;
  const double start = awaitc::loop_time();
  double fired_at = 0;
  awaitc::TimerHandle handle =
      awaitc::call_later(0.02, [&] { fired_at = awaitc::loop_time(); });
  EXPECT_GE(handle.when(), start + 0.02);
  run_loop(loop);
  EXPECT_GE(fired_at, start + 0.02);
}

TEST(EventLoop, CancelledHandlesDoNotRun) {
  EventLoop loop(virtual_time());
  Log log;
  awaitc::Handle soon = awaitc::call_soon([&] { log("soon"); });
  awaitc::TimerHandle later = awaitc::call_later(1, [&] { log("later"); });
  awaitc::call_soon([&] { log("kept"); });
  soon.cancel();
  later.cancel();
  EXPECT_TRUE(soon.cancelled());
  EXPECT_TRUE(later.cancelled());
  run_loop(loop);
  EXPECT_EQ(log.str(), "kept");
  EXPECT_EQ(awaitc::loop_time(), 0.0); // the cancelled timer is gone
}

// A callback cancels one that is already in this iteration's batch.
TEST(EventLoop, CancellingAReadyCallbackFromAnotherOne) {
  EventLoop loop(virtual_time());
  Log log;
  awaitc::Handle second;
  awaitc::call_soon([&] {
    log("first");
    second.cancel();
  });
  second = awaitc::call_soon([&] { log("second"); });
  awaitc::call_soon([&] { log("third"); });
  run_loop(loop);
  EXPECT_EQ(log.str(), "first third");
}

TEST(EventLoop, ExceptionInCallbackIsReportedAndTheLoopGoesOn) {
  EventLoop loop(virtual_time());
  Log log;
  awaitc::call_soon([] { throw std::runtime_error("oops"); });
  awaitc::call_soon([&] { log("after"); });
  testing::internal::CaptureStderr();
  run_loop(loop);
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("oops"), std::string::npos) << err;
  EXPECT_EQ(log.str(), "after");
}

TEST(EventLoop, OneLoopPerThread) {
  EXPECT_THROW(awaitc::call_soon([] {}), std::logic_error);
  {
    EventLoop loop;
    EXPECT_EQ(&EventLoop::current(), &loop);
    EXPECT_THROW(EventLoop another, std::logic_error);
  }
  EXPECT_EQ(EventLoop::current_or_null(), nullptr);
}

TEST(EventLoop, PendingCallbacksAreDroppedWithTheLoop) {
  awaitc::TimerHandle handle;
  {
    EventLoop loop(virtual_time());
    handle = awaitc::call_later(1, [] { FAIL() << "must not run"; });
    awaitc::call_soon([] { FAIL() << "must not run"; });
  }
  handle.cancel(); // no loop any more: nothing to do
  EXPECT_TRUE(handle.cancelled());
}

} // namespace
