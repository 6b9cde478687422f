// Tests of tasks: scheduling order, awaiting tasks, results, run().
//
// The coroutines are hand-written frames (see runtime_frames.h), shaped
// like what the awaitc tool emits. Each ordering test names the asyncio
// program it was checked against (CPython 3.11); the expected strings are
// that program's output, with the log() calls printed space-separated.

#include "runtime_frames.h"

#include <awaitc/awaitc.h>

#include <gtest/gtest.h>

#include <sstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

using awaitc::Coro;
using awaitc::SleepAwaiter;
using awaitc::Task;
using awaitc_test::Await;
using awaitc_test::coro;
using awaitc_test::Log;
using awaitc_test::virtual_time;

// async def worker(name):
//     for i in range(3):
//         log(f"{name}{i}")
//         await asyncio.sleep(0)
Coro<void> worker(Log &log, std::string name) {
  return coro<void>(
      [&log, name, i = 0, a = Await<SleepAwaiter>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          for (i = 0; i < 3; ++i) {
            log(name + std::to_string(i));
            if (f.await(1, a, awaitc::sleep(0)))
              return;
            [[fallthrough]];
          case 1:
            a.resume();
          }
          f.return_void();
        }
      });
}

// async def value_after_sleeps(name, value, sleeps):
//     for _ in range(sleeps): await asyncio.sleep(0)
//     log(name); return value
Coro<int> value_after_sleeps(Log &log, std::string name, int value,
                             int sleeps) {
  return coro<int>([&log, name, value, sleeps, i = 0,
                    a = Await<SleepAwaiter>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      for (i = 0; i < sleeps; ++i) {
        if (f.await(1, a, awaitc::sleep(0)))
          return;
        [[fallthrough]];
      case 1:
        a.resume();
      }
      log(name);
      f.return_value(value);
    }
  });
}

Coro<int> fail_with(std::string message) {
  return coro<int>(
      [message](auto &) -> void { throw std::runtime_error(message); });
}

// async def main():
//     async def child(): log("child")
//     t = asyncio.create_task(child())
//     log("created")
//     await t
//     log("awaited")
// -> created child awaited
TEST(Task, CreateTaskRunsNothingBeforeTheLoop) {
  Log log;
  awaitc::run(coro<void>(
      [&log, t = Task<void>(), a = Await<Task<void> &>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          t = awaitc::create_task(coro<void>([&log](auto &child) {
            log("child");
            child.return_void();
          }));
          log("created");
          if (f.await(1, a, t))
            return;
          [[fallthrough]];
        case 1:
          a.resume();
          log("awaited");
          f.return_void();
        }
      }));
  EXPECT_EQ(log.str(), "created child awaited");
}

// async def main():
//     a = asyncio.create_task(worker("A"))
//     b = asyncio.create_task(worker("B"))
//     await a; await b
// -> A0 B0 A1 B1 A2 B2
TEST(Task, SleepZeroInterleavesTasks) {
  Log log;
  awaitc::run(coro<void>([&log, a = Task<void>(), b = Task<void>(),
                          wait_a = Await<Task<void> &>(),
                          wait_b = Await<Task<void> &>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      a = awaitc::create_task(worker(log, "A"));
      b = awaitc::create_task(worker(log, "B"));
      if (f.await(1, wait_a, a))
        return;
      [[fallthrough]];
    case 1:
      wait_a.resume();
      if (f.await(2, wait_b, b))
        return;
      [[fallthrough]];
    case 2:
      wait_b.resume();
      f.return_void();
    }
  }));
  EXPECT_EQ(log.str(), "A0 B0 A1 B1 A2 B2");
}

// async def main():
//     async def child(): log("child"); return 1
//     async def other(): log("other")
//     t = asyncio.create_task(child())
//     await asyncio.sleep(0)           # child runs and finishes
//     asyncio.create_task(other())
//     v = await t                      # finished: no suspension
//     log(f"main{v}")
//     await asyncio.sleep(0)
// -> child main1 other
TEST(Task, AwaitingAFinishedTaskReturnsAtOnce) {
  Log log;
  awaitc::run(coro<void>([&log, t = Task<int>(), s = Await<SleepAwaiter>(),
                          w = Await<Task<int> &>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      t = awaitc::create_task(value_after_sleeps(log, "child", 1, 0));
      if (f.await(1, s, awaitc::sleep(0)))
        return;
      [[fallthrough]];
    case 1:
      s.resume();
      EXPECT_TRUE(t.done());
      (void)awaitc::create_task(value_after_sleeps(log, "other", 0, 0));
      if (f.await(2, w, t))
        return;
      [[fallthrough]];
    case 2:
      log("main" + std::to_string(w.resume()));
      if (f.await(3, s, awaitc::sleep(0)))
        return;
      [[fallthrough]];
    case 3:
      s.resume();
      f.return_void();
    }
  }));
  EXPECT_EQ(log.str(), "child main1 other");
}

// async def main():
//     async def child():
//         log("c0"); await asyncio.sleep(0); log("c1"); return 2
//     t = asyncio.create_task(child()); o = asyncio.create_task(other())
//     v = await t
//     log(f"main{v}")
//     await o
// where other() logs o0 o1 o2 with a sleep(0) after each
// -> c0 o0 c1 o1 main2 o2   (the awaiter wakes one iteration after t ends)
TEST(Task, AwaitingAnUnfinishedTaskWakesAfterItFinishes) {
  Log log;
  awaitc::run(coro<void>([&log, t = Task<int>(), o = Task<void>(),
                          wt = Await<Task<int> &>(),
                          wo = Await<Task<void> &>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      t = awaitc::create_task(
          coro<int>([&log, s = Await<SleepAwaiter>()](auto &child) mutable {
            switch (child.state()) {
            case 0:
              log("c0");
              if (child.await(1, s, awaitc::sleep(0)))
                return;
              [[fallthrough]];
            case 1:
              s.resume();
              log("c1");
              child.return_value(2);
            }
          }));
      o = awaitc::create_task(worker(log, "o"));
      if (f.await(1, wt, t))
        return;
      [[fallthrough]];
    case 1:
      log("main" + std::to_string(wt.resume()));
      if (f.await(2, wo, o))
        return;
      [[fallthrough]];
    case 2:
      wo.resume();
      f.return_void();
    }
  }));
  EXPECT_EQ(log.str(), "c0 o0 c1 o1 main2 o2");
}

// async def main():
//     async def target():
//         await asyncio.sleep(1); log("target"); return 7
//     async def waiter(name, delay_first):
//         if delay_first: await asyncio.sleep(0)
//         v = await t
//         log(f"{name}{v}")
//     t = asyncio.create_task(target())
//     ws = [asyncio.create_task(waiter("w1", False)),
//           asyncio.create_task(waiter("w2", True)),
//           asyncio.create_task(waiter("w3", False))]
//     for w in ws: await w
// -> target w17 w37 w27   (registration order: w1, w3, w2)
TEST(Task, SeveralAwaitersResumeInTheOrderTheyBeganToWait) {
  Log log;
  Task<int> target;
  auto waiter = [&](std::string name, bool delay_first) {
    return coro<void>([&log, &target, name, delay_first,
                       s = Await<SleepAwaiter>(),
                       w = Await<Task<int> &>()](auto &f) mutable {
      switch (f.state()) {
      case 0:
        if (delay_first) {
          if (f.await(1, s, awaitc::sleep(0)))
            return;
          [[fallthrough]];
        case 1:
          s.resume();
        }
        if (f.await(2, w, target))
          return;
        [[fallthrough]];
      case 2:
        log(name + std::to_string(w.resume()));
        f.return_void();
      }
    });
  };
  awaitc::run(
      coro<void>([&, waiters = std::vector<Task<void>>(), i = std::size_t(0),
                  w = Await<Task<void> &>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          target = awaitc::create_task(
              coro<int>([&log, s = Await<SleepAwaiter>()](auto &t) mutable {
                switch (t.state()) {
                case 0:
                  if (t.await(1, s, awaitc::sleep(1)))
                    return;
                  [[fallthrough]];
                case 1:
                  s.resume();
                  log("target");
                  t.return_value(7);
                }
              }));
          waiters.push_back(awaitc::create_task(waiter("w1", false)));
          waiters.push_back(awaitc::create_task(waiter("w2", true)));
          waiters.push_back(awaitc::create_task(waiter("w3", false)));
          for (i = 0; i < waiters.size(); ++i) {
            if (f.await(1, w, waiters[i]))
              return;
            [[fallthrough]];
          case 1:
            w.resume();
          }
          f.return_void();
        }
      }),
      virtual_time());
  EXPECT_EQ(log.str(), "target w17 w37 w27");
}

// A sleep's timer ends the wait through the ready queue, one iteration
// before the task resumes, as asyncio's future-based sleep:
//   async def sleeper(): await asyncio.sleep(1); log("sleeper")
//   t = asyncio.create_task(sleeper())
//   await asyncio.sleep(0)                     # the timer is set
//   loop.call_at(<the timer's deadline>, log, "callback")
//   await t
// -> callback sleeper
TEST(Task, SleepResumesTheTaskOneIterationAfterItsTimer) {
  Log log;
  awaitc::run(coro<void>([&log, t = Task<void>(), s = Await<SleepAwaiter>(),
                          w = Await<Task<void> &>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  t = awaitc::create_task(coro<void>(
                      [&log, s = Await<SleepAwaiter>()](auto &child) mutable {
                        switch (child.state()) {
                        case 0:
                          if (child.await(1, s, awaitc::sleep(1)))
                            return;
                          [[fallthrough]];
                        case 1:
                          s.resume();
                          log("sleeper");
                          child.return_void();
                        }
                      }));
                  if (f.await(1, s, awaitc::sleep(0)))
                    return;
                  [[fallthrough]];
                case 1:
                  s.resume();
                  awaitc::call_at(1, [&log] { log("callback"); });
                  if (f.await(2, w, t))
                    return;
                  [[fallthrough]];
                case 2:
                  w.resume();
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "callback sleeper");
}

TEST(Task, VirtualTimeOfSleeps) {
  std::vector<double> seen;
  awaitc::run(
      coro<void>([&seen, s = Await<SleepAwaiter>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          if (f.await(1, s, awaitc::sleep(1.5)))
            return;
          [[fallthrough]];
        case 1:
          s.resume();
          seen.push_back(awaitc::loop_time());
          if (f.await(2, s, awaitc::sleep(std::chrono::milliseconds(250))))
            return;
          [[fallthrough]];
        case 2:
          s.resume();
          seen.push_back(awaitc::loop_time());
          f.return_void();
        }
      }),
      virtual_time());
  EXPECT_EQ(seen, (std::vector<double>{1.5, 1.75}));
}

// AWAIT(coro) runs the coroutine inline, in the current task.
TEST(Task, RunReturnsTheValueOfTheMainCoroutine) {
  Log log;
  int value =
      awaitc::run(coro<int>([&log, c = Await<Coro<int>>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          if (f.await(1, c, value_after_sleeps(log, "inner", 21, 2)))
            return;
          [[fallthrough]];
        case 1:
          f.return_value(2 * c.resume());
        }
      }));
  EXPECT_EQ(value, 42);
  EXPECT_EQ(log.str(), "inner");
}

TEST(Task, ExceptionPropagatesThroughTaskAwaitAndOutOfRun) {
  Log log;
  auto main = coro<int>(
      [&log, t = Task<int>(), w = Await<Task<int> &>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          t = awaitc::create_task(fail_with("boom"));
          if (f.await(1, w, t))
            return;
          [[fallthrough]];
        case 1:
          try {
            w.resume();
          } catch (const std::runtime_error &error) {
            log(std::string("caught ") + error.what());
            throw std::logic_error("from main");
          }
          f.return_value(0);
        }
      });
  testing::internal::CaptureStderr();
  EXPECT_THROW(awaitc::run(std::move(main)), std::logic_error);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), ""); // all retrieved
  EXPECT_EQ(log.str(), "caught boom");
}

TEST(Task, ResultAndExceptionFollowTheTaskState) {
  Task<int> ok, failed;
  awaitc::run(coro<void>([&, s = Await<SleepAwaiter>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      ok = awaitc::create_task(coro<int>([](auto &t) { t.return_value(5); }));
      failed = awaitc::create_task(fail_with("bad"));
      EXPECT_FALSE(ok.done());
      EXPECT_THROW(ok.result(), awaitc::InvalidStateError);
      EXPECT_THROW(ok.exception(), awaitc::InvalidStateError);
      if (f.await(1, s, awaitc::sleep(0)))
        return;
      [[fallthrough]];
    case 1:
      s.resume();
      f.return_void();
    }
  }));
  ASSERT_TRUE(ok.done());
  EXPECT_FALSE(ok.cancelled());
  EXPECT_EQ(ok.result(), 5);
  EXPECT_EQ(ok.exception(), nullptr);
  ASSERT_TRUE(failed.done());
  EXPECT_THROW(failed.result(), std::runtime_error);
  EXPECT_NE(failed.exception(), nullptr);
}

// Awaiting an rvalue task moves its value out.
TEST(Task, AwaitingAnRvalueTaskMovesTheValue) {
  auto result = awaitc::run(coro<std::unique_ptr<int>>(
      [w = Await<Task<std::unique_ptr<int>>>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          if (f.await(
                  1, w,
                  awaitc::create_task(coro<std::unique_ptr<int>>([](auto &t) {
                    t.return_value(std::make_unique<int>(3));
                  }))))
            return;
          [[fallthrough]];
        case 1:
          f.return_value(w.resume());
        }
      }));
  ASSERT_TRUE(result);
  EXPECT_EQ(*result, 3);
}

// Task<T&> gives the reference; a const Task can be awaited.
TEST(Task, ReferenceResultsAndConstTasks) {
  int target = 1;
  int *seen = nullptr;
  awaitc::run(coro<void>([&, t = Task<int &>(),
                          w = Await<const Task<int &> &>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      t = awaitc::create_task(
          coro<int &>([&target](auto &g) { g.return_value(target); }));
      if (f.await(1, w, std::as_const(t)))
        return;
      [[fallthrough]];
    case 1:
      seen = &w.resume();
      f.return_void();
    }
  }));
  EXPECT_EQ(seen, &target);
}

TEST(Task, TheLoopKeepsATaskWithoutHandlesAlive) {
  Log log;
  awaitc::run(coro<void>([&log, s = Await<SleepAwaiter>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  (void)awaitc::create_task(
                      worker(log, "x")); // handle dropped at once
                  if (f.await(1, s, awaitc::sleep(1)))
                    return;
                  [[fallthrough]];
                case 1:
                  s.resume();
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "x0 x1 x2");
}

// async def main():
//     async def failing(): raise ValueError("boom")
//     asyncio.create_task(failing())
//     await asyncio.sleep(0)
// -> stderr: "Task exception was never retrieved ... ValueError('boom')"
TEST(Task, UnretrievedExceptionIsReported) {
  testing::internal::CaptureStderr();
  awaitc::run(coro<void>([s = Await<SleepAwaiter>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      (void)awaitc::create_task(fail_with("boom"));
      if (f.await(1, s, awaitc::sleep(0)))
        return;
      [[fallthrough]];
    case 1:
      s.resume();
      f.return_void();
    }
  }));
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("Task exception was never retrieved"), std::string::npos)
      << err;
  EXPECT_NE(err.find("boom"), std::string::npos) << err;
}

TEST(Task, RetrievedExceptionIsNotReported) {
  testing::internal::CaptureStderr();
  {
    Task<int> kept;
    awaitc::run(coro<void>([&kept, s = Await<SleepAwaiter>()](auto &f) mutable {
      switch (f.state()) {
      case 0:
        kept = awaitc::create_task(fail_with("boom"));
        if (f.await(1, s, awaitc::sleep(0)))
          return;
        [[fallthrough]];
      case 1:
        s.resume();
        f.return_void();
      }
    }));
    EXPECT_NE(kept.exception(), nullptr);
  }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

} // namespace

namespace {

// asyncio: names count from Task-1 over the process; set_name replaces it.
TEST(Task, NamesCountInCreationOrderAndCanBeSet) {
  Log log;
  awaitc::run(coro<void>([&log](auto &f) {
    awaitc::AnyTask me = awaitc::current_task();
    ASSERT_TRUE(me.valid());
    const std::string main_name = me.get_name();
    ASSERT_EQ(main_name.rfind("Task-", 0), 0u);
    const int first = std::stoi(main_name.substr(5));
    Task<void> a = awaitc::create_task(coro<void>([](auto &c) {
      c.return_void();
    }));
    Task<void> b = awaitc::create_task(coro<void>([](auto &c) {
      c.return_void();
    }));
    EXPECT_EQ(a.get_name(), "Task-" + std::to_string(first + 1));
    EXPECT_EQ(b.get_name(), "Task-" + std::to_string(first + 2));
    b.set_name("worker");
    EXPECT_EQ(b.get_name(), "worker");
    EXPECT_EQ(awaitc::AnyTask(b).get_name(), "worker");
    // all_tasks: the pending tasks, in creation order; current_task is the
    // running one.
    std::vector<awaitc::AnyTask> all = awaitc::all_tasks();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_TRUE(all[0] == me);
    EXPECT_TRUE(all[1] == awaitc::AnyTask(a));
    EXPECT_TRUE(all[2] == awaitc::AnyTask(b));
    log("ok");
    f.return_void();
  }));
  EXPECT_EQ(log.str(), "ok");
}

TEST(Task, IntrospectionNeedsARunningLoop) {
  EXPECT_THROW(awaitc::current_task(), std::logic_error);
  EXPECT_THROW(awaitc::all_tasks(), std::logic_error);
  awaitc::EventLoop loop;
  EXPECT_FALSE(awaitc::current_task().valid()); // outside any task
  EXPECT_TRUE(awaitc::all_tasks().empty());
}

// Hand-written frames have no line table: each prints as <unknown>; a
// finished task has no stack.
TEST(Task, PrintStackOfFramesWithoutLines) {
  std::ostringstream out;
  Task<void> t;
  awaitc::run(coro<void>([&](auto &f) {
    t = awaitc::create_task(coro<void>([](auto &c) { c.return_void(); }));
    t.set_name("t");
    t.print_stack(out);
    f.return_void();
  }));
  t.print_stack(out);
  EXPECT_EQ(out.str(), "Stack for task 't' (most recent call last):\n"
                       "  <unknown>\n"
                       "No stack for task 't'\n");
}

} // namespace
