// Tests of cancellation, with asyncio's semantics, and of run()'s ending.
//
// Each test names the asyncio program it was checked against (CPython
// 3.11); the expected strings are that program's output.

#include "runtime_frames.h"

#include <awaitc/awaitc.h>

#include <gtest/gtest.h>

#include <exception>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace {

using awaitc::CancelledError;
using awaitc::Coro;
using awaitc::SleepAwaiter;
using awaitc::Task;
using awaitc_test::Await;
using awaitc_test::coro;
using awaitc_test::Log;
using awaitc_test::virtual_time;

static_assert(!std::is_base_of_v<std::exception, CancelledError>,
              "CancelledError must not be caught as a std::exception");
static_assert(std::is_base_of_v<std::exception, awaitc::TimeoutError>);
static_assert(std::is_base_of_v<std::exception, awaitc::InvalidStateError>);

std::string flag(bool value) { return value ? "True" : "False"; }

// async def sleeper(seconds):
//     log("start"); await asyncio.sleep(seconds); log("woke")
Coro<void> sleeper(Log &log, double seconds) {
  return coro<void>(
      [&log, seconds, s = Await<SleepAwaiter>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          log("start");
          if (f.await(1, s, awaitc::sleep(seconds)))
            return;
          [[fallthrough]];
        case 1:
          s.resume();
          log("woke");
          f.return_void();
        }
      });
}

// Awaits `task`; logs "cancelled=<task.cancelled()>" if that throws
// CancelledError.
template <class T> Coro<void> await_expecting_cancel(Log &log, Task<T> task) {
  return coro<void>([&log, task, w = Await<Task<T> &>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      if (f.await(1, w, task))
        return;
      [[fallthrough]];
    case 1:
      try {
        w.resume();
        log("not cancelled");
      } catch (const CancelledError &) {
        log("cancelled=" + flag(task.cancelled()));
      }
      f.return_void();
    }
  });
}

// async def main():
//     t = asyncio.create_task(sleeper(10))
//     await asyncio.sleep(1)
//     log(f"cancel={t.cancel()}")
//     try: await t
//     except asyncio.CancelledError:
//         log(f"cancelled={t.cancelled()} time={loop.time():.0f}")
// -> start cancel=True cancelled=True time=1
TEST(Cancel, SleepingTask) {
  Log log;
  awaitc::run(coro<void>([&log, t = Task<void>(), s = Await<SleepAwaiter>(),
                          w = Await<Coro<void>>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  t = awaitc::create_task(sleeper(log, 10));
                  if (f.await(1, s, awaitc::sleep(1)))
                    return;
                  [[fallthrough]];
                case 1:
                  s.resume();
                  log("cancel=" + flag(t.cancel()));
                  if (f.await(2, w, await_expecting_cancel(log, t)))
                    return;
                  [[fallthrough]];
                case 2:
                  w.resume();
                  log("time=" + std::to_string(int(awaitc::loop_time())));
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "start cancel=True cancelled=True time=1");
}

// async def main():
//     async def body(): log("body")
//     t = asyncio.create_task(body())
//     log(f"cancel={t.cancel()}")
//     try: await t
//     except asyncio.CancelledError: log(f"cancelled={t.cancelled()}")
// -> cancel=True cancelled=True   (the body never runs)
TEST(Cancel, BeforeTheFirstStepTheBodyNeverRuns) {
  Log log;
  awaitc::run(coro<void>([&log, w = Await<Coro<void>>()](auto &f) mutable {
    switch (f.state()) {
    case 0: {
      Task<void> t = awaitc::create_task(coro<void>([&log](auto &body) {
        log("body");
        body.return_void();
      }));
      log("cancel=" + flag(t.cancel()));
      if (f.await(1, w, await_expecting_cancel(log, t)))
        return;
    }
      [[fallthrough]];
    case 1:
      w.resume();
      f.return_void();
    }
  }));
  EXPECT_EQ(log.str(), "cancel=True cancelled=True");
}

// async def stubborn():
//     try: await asyncio.sleep(10)
//     except asyncio.CancelledError: log("caught")
//     await asyncio.sleep(1)
//     return 7
// async def main():
//     t = asyncio.create_task(stubborn())
//     await asyncio.sleep(0)
//     t.cancel()
//     v = await t
//     log(f"value={v} cancelled={t.cancelled()}")
// -> caught value=7 cancelled=False
TEST(Cancel, TaskCatchesCancelledErrorAndContinues) {
  Log log;
  awaitc::run(coro<void>([&log, t = Task<int>(), s = Await<SleepAwaiter>(),
                          w = Await<Task<int> &>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  t = awaitc::create_task(coro<int>(
                      [&log, s = Await<SleepAwaiter>()](auto &g) mutable {
                        switch (g.state()) {
                        case 0:
                          if (g.await(1, s, awaitc::sleep(10)))
                            return;
                          [[fallthrough]];
                        case 1:
                          try {
                            s.resume();
                          } catch (const CancelledError &) {
                            log("caught");
                          }
                          if (g.await(2, s, awaitc::sleep(1)))
                            return;
                          [[fallthrough]];
                        case 2:
                          s.resume();
                          g.return_value(7);
                        }
                      }));
                  if (f.await(1, s, awaitc::sleep(0)))
                    return;
                  [[fallthrough]];
                case 1:
                  s.resume();
                  t.cancel();
                  if (f.await(2, w, t))
                    return;
                  [[fallthrough]];
                case 2:
                  log("value=" + std::to_string(w.resume()) +
                      " cancelled=" + flag(t.cancelled()));
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "caught value=7 cancelled=False");
}

// async def main():
//     async def quick(): return 1
//     t = asyncio.create_task(quick())
//     await asyncio.sleep(0)
//     log(f"cancel={t.cancel()} cancelled={t.cancelled()} result={t.result()}")
// -> cancel=False cancelled=False result=1
TEST(Cancel, FinishedTaskReturnsFalse) {
  Log log;
  awaitc::run(coro<void>([&log, t = Task<int>(),
                          s = Await<SleepAwaiter>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      t = awaitc::create_task(coro<int>([](auto &g) { g.return_value(1); }));
      if (f.await(1, s, awaitc::sleep(0)))
        return;
      [[fallthrough]];
    case 1:
      s.resume();
      log("cancel=" + flag(t.cancel()) + " cancelled=" + flag(t.cancelled()) +
          " result=" + std::to_string(t.result()));
      f.return_void();
    }
  }));
  EXPECT_EQ(log.str(), "cancel=False cancelled=False result=1");
}

// async def inner():
//     try: await asyncio.sleep(10)
//     except asyncio.CancelledError: log("inner cancelled"); raise
// async def outer(it):
//     try: await it
//     except asyncio.CancelledError: log("outer cancelled"); raise
// async def main():
//     it = asyncio.create_task(inner()); ot = asyncio.create_task(outer(it))
//     await asyncio.sleep(0)
//     tk = asyncio.create_task(ticker())    # logs tick0..tick3, sleep(0) each
//     ot.cancel()
//     try: await ot
//     except asyncio.CancelledError:
//         log(f"inner={it.cancelled()} outer={ot.cancelled()}")
//     await tk
// -> tick0 inner cancelled tick1 outer cancelled tick2 inner=True outer=True
//    tick3
TEST(Cancel, CancellingATaskAwaitingAnotherCancelsTheOther) {
  Log log;
  auto rethrowing = [&log](std::string name, auto body_awaitable_factory) {
    using Factory = decltype(body_awaitable_factory);
    using Expr = decltype(std::declval<Factory &>()());
    return coro<void>([&log, name, make = body_awaitable_factory,
                       a = Await<Expr>()](auto &f) mutable {
      switch (f.state()) {
      case 0:
        if (f.await(1, a, make()))
          return;
        [[fallthrough]];
      case 1:
        try {
          a.resume();
        } catch (const CancelledError &) {
          log(name + " cancelled");
          throw;
        }
        f.return_void();
      }
    });
  };
  auto ticker = [&log] {
    return coro<void>(
        [&log, i = 0, s = Await<SleepAwaiter>()](auto &f) mutable {
          switch (f.state()) {
          case 0:
            for (i = 0; i < 4; ++i) {
              log("tick" + std::to_string(i));
              if (f.await(1, s, awaitc::sleep(0)))
                return;
              [[fallthrough]];
            case 1:
              s.resume();
            }
            f.return_void();
          }
        });
  };
  awaitc::run(coro<void>([&, it = Task<void>(), ot = Task<void>(),
                          tk = Task<void>(), s = Await<SleepAwaiter>(),
                          w = Await<Task<void> &>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  it = awaitc::create_task(
                      rethrowing("inner", [] { return awaitc::sleep(10); }));
                  ot = awaitc::create_task(rethrowing(
                      "outer", [it = it]() -> Task<void> { return it; }));
                  if (f.await(1, s, awaitc::sleep(0)))
                    return;
                  [[fallthrough]];
                case 1:
                  s.resume();
                  tk = awaitc::create_task(ticker());
                  ot.cancel();
                  if (f.await(2, w, ot))
                    return;
                  [[fallthrough]];
                case 2:
                  try {
                    w.resume();
                  } catch (const CancelledError &) {
                    log("inner=" + flag(it.cancelled()) +
                        " outer=" + flag(ot.cancelled()));
                  }
                  if (f.await(3, w, tk))
                    return;
                  [[fallthrough]];
                case 3:
                  w.resume();
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "tick0 inner cancelled tick1 outer cancelled tick2 "
                       "inner=True outer=True tick3");
  EXPECT_EQ(awaitc::EventLoop::current_or_null(), nullptr);
}

// async def inner():
//     try: await asyncio.sleep(1)
//     except asyncio.CancelledError: return 5
// async def outer(it): return await it
// async def main():
//     it = asyncio.create_task(inner()); ot = asyncio.create_task(outer(it))
//     await asyncio.sleep(0)
//     ot.cancel()
//     log(f"{await ot} {ot.cancelled()}")
// -> 5 False   (the awaited task absorbed the cancellation)
TEST(Cancel, AwaitedTaskThatAbsorbsTheCancellation) {
  Log log;
  awaitc::run(coro<void>([&log, it = Task<int>(), ot = Task<int>(),
                          s = Await<SleepAwaiter>(),
                          w = Await<Task<int> &>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  it = awaitc::create_task(
                      coro<int>([s = Await<SleepAwaiter>()](auto &g) mutable {
                        switch (g.state()) {
                        case 0:
                          if (g.await(1, s, awaitc::sleep(1)))
                            return;
                          [[fallthrough]];
                        case 1:
                          try {
                            s.resume();
                          } catch (const CancelledError &) {
                            g.return_value(5);
                            return;
                          }
                          g.return_value(0);
                        }
                      }));
                  ot = awaitc::create_task(coro<int>(
                      [it = it, w = Await<Task<int> &>()](auto &g) mutable {
                        switch (g.state()) {
                        case 0:
                          if (g.await(1, w, it))
                            return;
                          [[fallthrough]];
                        case 1:
                          g.return_value(w.resume());
                        }
                      }));
                  if (f.await(1, s, awaitc::sleep(0)))
                    return;
                  [[fallthrough]];
                case 1:
                  s.resume();
                  ot.cancel();
                  if (f.await(2, w, ot))
                    return;
                  [[fallthrough]];
                case 2:
                  log(std::to_string(w.resume()) + " " + flag(ot.cancelled()));
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "5 False");
}

// A cancellation requested while the task waits on sleep(0) is delivered
// when its already scheduled step runs.
//   async def yielder(): log("a"); await asyncio.sleep(0); log("never")
//   t = asyncio.create_task(yielder()); await asyncio.sleep(0); t.cancel()
//   try: await t
//   except asyncio.CancelledError: log(f"cancelled={t.cancelled()}")
// -> a cancelled=True
TEST(Cancel, TaskYieldingWithSleepZero) {
  Log log;
  awaitc::run(
      coro<void>([&log, s = Await<SleepAwaiter>(), w = Await<Coro<void>>(),
                  t = Task<void>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          t = awaitc::create_task(
              coro<void>([&log, s = Await<SleepAwaiter>()](auto &g) mutable {
                switch (g.state()) {
                case 0:
                  log("a");
                  if (g.await(1, s, awaitc::sleep(0)))
                    return;
                  [[fallthrough]];
                case 1:
                  s.resume();
                  log("never");
                  g.return_void();
                }
              }));
          if (f.await(1, s, awaitc::sleep(0)))
            return;
          [[fallthrough]];
        case 1:
          s.resume();
          t.cancel();
          if (f.await(2, w, await_expecting_cancel(log, t)))
            return;
          [[fallthrough]];
        case 2:
          w.resume();
          f.return_void();
        }
      }));
  EXPECT_EQ(log.str(), "a cancelled=True");
}

// CancelledError is thrown in the innermost frame and unwinds the inline
// coroutines that awaited it.
//   async def leaf():
//       try: await asyncio.sleep(10)
//       finally: log("leaf cleanup")
//   async def mid(): await leaf(); log("never")
//   t = asyncio.create_task(mid()); await asyncio.sleep(0); t.cancel()
//   try: await t
//   except asyncio.CancelledError: log(f"cancelled={t.cancelled()}")
// -> leaf cleanup cancelled=True
TEST(Cancel, UnwindsNestedCoroutines) {
  Log log;
  auto leaf = [&log] {
    return coro<void>([&log, s = Await<SleepAwaiter>()](auto &g) mutable {
      switch (g.state()) {
      case 0:
        if (g.await(1, s, awaitc::sleep(10)))
          return;
        [[fallthrough]];
      case 1:
        try {
          s.resume();
        } catch (...) {
          log("leaf cleanup");
          throw;
        }
        log("leaf cleanup");
        g.return_void();
      }
    });
  };
  awaitc::run(coro<void>([&, s = Await<SleepAwaiter>(), w = Await<Coro<void>>(),
                          t = Task<void>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  t = awaitc::create_task(coro<void>(
                      [&log, leaf, c = Await<Coro<void>>()](auto &mid) mutable {
                        switch (mid.state()) {
                        case 0:
                          if (mid.await(1, c, leaf()))
                            return;
                          [[fallthrough]];
                        case 1:
                          c.resume();
                          log("never");
                          mid.return_void();
                        }
                      }));
                  if (f.await(1, s, awaitc::sleep(0)))
                    return;
                  [[fallthrough]];
                case 1:
                  s.resume();
                  t.cancel();
                  if (f.await(2, w, await_expecting_cancel(log, t)))
                    return;
                  [[fallthrough]];
                case 2:
                  w.resume();
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "leaf cleanup cancelled=True");
}

// A task that cancels itself while running is cancelled at its next wait,
// whose timer is removed at once.
//   async def me():
//       asyncio.current_task().cancel(); log("still running")
//       try: await asyncio.sleep(5)
//       except asyncio.CancelledError:
//           log(f"cancelled at {loop.time():.0f}"); raise
// -> still running cancelled at 0 cancelled=True
TEST(Cancel, TaskCancellingItself) {
  Log log;
  auto me = [&log](Task<void> &self) {
    return coro<void>(
        [&log, &self, s = Await<SleepAwaiter>()](auto &g) mutable {
          switch (g.state()) {
          case 0:
            self.cancel();
            log("still running");
            if (g.await(1, s, awaitc::sleep(5)))
              return;
            [[fallthrough]];
          case 1:
            try {
              s.resume();
            } catch (const CancelledError &) {
              log("cancelled at " + std::to_string(int(awaitc::loop_time())));
              throw;
            }
            g.return_void();
          }
        });
  };
  Task<void> self;
  awaitc::run(coro<void>([&, w = Await<Coro<void>>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  self = awaitc::create_task(me(self));
                  if (f.await(1, w, await_expecting_cancel(log, self)))
                    return;
                  [[fallthrough]];
                case 1:
                  w.resume();
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "still running cancelled at 0 cancelled=True");
}

// asyncio's CancelledError is a BaseException: `except Exception` does not
// catch it.
TEST(Cancel, CancelledErrorIsNotCaughtAsStdException) {
  Log log;
  Task<void> t;
  awaitc::run(coro<void>([&, s = Await<SleepAwaiter>(),
                          w = Await<Coro<void>>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  t = awaitc::create_task(coro<void>(
                      [&log, s = Await<SleepAwaiter>()](auto &g) mutable {
                        switch (g.state()) {
                        case 0:
                          if (g.await(1, s, awaitc::sleep(10)))
                            return;
                          [[fallthrough]];
                        case 1:
                          try {
                            s.resume();
                          } catch (const std::exception &) {
                            log("swallowed");
                          }
                          g.return_void();
                        }
                      }));
                  if (f.await(1, s, awaitc::sleep(0)))
                    return;
                  [[fallthrough]];
                case 1:
                  s.resume();
                  t.cancel();
                  if (f.await(2, w, await_expecting_cancel(log, t)))
                    return;
                  [[fallthrough]];
                case 2:
                  w.resume();
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "cancelled=True");
  EXPECT_THROW(t.result(), CancelledError);
  EXPECT_THROW(t.exception(), CancelledError);
}

// async def background():
//     try: await asyncio.sleep(10)
//     except asyncio.CancelledError: log("cleanup"); raise
// async def main():
//     asyncio.create_task(background())
//     await asyncio.sleep(0)
//     log("main done")
// -> main done cleanup
TEST(Cancel, RunCancelsPendingTasksWhenMainReturns) {
  Log log;
  Task<void> background;
  awaitc::run(coro<void>([&, s = Await<SleepAwaiter>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  background = awaitc::create_task(coro<void>(
                      [&log, s = Await<SleepAwaiter>()](auto &g) mutable {
                        switch (g.state()) {
                        case 0:
                          if (g.await(1, s, awaitc::sleep(10)))
                            return;
                          [[fallthrough]];
                        case 1:
                          try {
                            s.resume();
                          } catch (const CancelledError &) {
                            log("cleanup");
                            throw;
                          }
                          g.return_void();
                        }
                      }));
                  if (f.await(1, s, awaitc::sleep(0)))
                    return;
                  [[fallthrough]];
                case 1:
                  s.resume();
                  log("main done");
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "main done cleanup");
  EXPECT_TRUE(background.cancelled());
}

// An awaitable written against the Waiter protocol that nobody ever
// completes: it only ends by cancellation.
class Never final : public awaitc::detail::Waiter {
public:
  bool await_ready() const noexcept { return false; }
  bool await_suspend(awaitc::detail::FrameBase &frame) noexcept {
    suspend(frame);
    waiting_ = true;
    return true;
  }
  void await_resume() { resume_or_throw(); }

private:
  bool cancel() noexcept override {
    if (!waiting_)
      return false;
    waiting_ = false;
    wake_cancelled();
    return true;
  }
  bool waiting_ = false;
};

TEST(Cancel, RunReportsAMainCoroutineThatCanNeverFinish) {
  Log log;
  auto main = coro<void>([&log, n = Await<Never>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      if (f.await(1, n, Never()))
        return;
      [[fallthrough]];
    case 1:
      try {
        n.resume();
      } catch (const CancelledError &) {
        log("main cancelled");
        throw;
      }
      f.return_void();
    }
  });
  EXPECT_THROW(awaitc::run(std::move(main)), std::runtime_error);
  EXPECT_EQ(log.str(), "main cancelled"); // run() cancelled it on the way out
}

// A frame destroyed while suspended (its task never finishes) unregisters
// its awaiters: the loop closes cleanly.
TEST(Cancel, LoopClosesOverTasksThatIgnoreCancellation) {
  Log log;
  Task<void> stubborn;
  {
    awaitc::EventLoop loop(virtual_time());
    stubborn = awaitc::create_task(coro<void>(
        [&log, n = Await<Never>(), s = Await<SleepAwaiter>()](auto &g) mutable {
          switch (g.state()) {
          case 0:
            for (;;) {
              if (g.await(1, n, Never()))
                return;
              [[fallthrough]];
            case 1:
              try {
                n.resume();
              } catch (const CancelledError &) {
                log("ignored");
              }
            }
          }
        }));
    loop.run_until([] { return false; });
    loop.shutdown();
    EXPECT_FALSE(stubborn.done());
  }
  EXPECT_EQ(log.str(), "ignored");
  EXPECT_FALSE(stubborn.done());
  EXPECT_THROW(stubborn.result(), awaitc::InvalidStateError);
}

} // namespace
