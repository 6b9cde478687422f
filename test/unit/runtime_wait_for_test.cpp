// Tests of wait_for(), with CPython 3.11's asyncio.wait_for semantics and
// scheduling order.
//
// Each test quotes the asyncio program it was checked against (CPython
// 3.11.7); the expected strings are that program's output. The programs run
// on a loop with a virtual clock, as RunOptions::virtual_time, and share
// these helpers:
//
//   class VirtualLoop(asyncio.SelectorEventLoop):
//       def __init__(self):
//           super().__init__()
//           self._now = 0.0
//           select = self._selector.select
//           def fake_select(timeout=None):
//               if timeout: self._now += timeout
//               return select(0)
//           self._selector.select = fake_select
//       def time(self): return self._now
//   def run(main):
//       with asyncio.Runner(loop_factory=VirtualLoop) as r: return r.run(main)
//   def now(): return asyncio.get_running_loop().time()
//
//   async def ticker(n):
//       for i in range(n): log(f"tick{i}"); await asyncio.sleep(0)
//   async def quick(v):
//       log("quick start"); await asyncio.sleep(0); log("quick end"); return v
//   async def sleepy(d):
//       log("sleepy start")
//       try: await asyncio.sleep(d)
//       except asyncio.CancelledError: log("sleepy cancelled"); raise
//       log("sleepy end"); return 7
//   async def stubborn():
//       try: await asyncio.sleep(10)
//       except asyncio.CancelledError:
//           log("stubborn cleanup"); await asyncio.sleep(0)
//           log("stubborn returns"); return 5
//   async def failing():
//       await asyncio.sleep(0); raise ValueError("boom")

#include "runtime_frames.h"

#include <awaitc/awaitc.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace {

using awaitc::CancelledError;
using awaitc::Coro;
using awaitc::SleepAwaiter;
using awaitc::Task;
using awaitc::TimeoutError;
using awaitc_test::Await;
using awaitc_test::coro;
using awaitc_test::Log;
using awaitc_test::virtual_time;

template <class T>
using WaitCoro = Await<decltype(awaitc::wait_for(std::declval<Coro<T>>(), 1.0))>;
template <class T>
using WaitTask =
    Await<decltype(awaitc::wait_for(std::declval<Task<T> &>(), 1.0))>;
template <class T>
using WaitMovedTask =
    Await<decltype(awaitc::wait_for(std::declval<Task<T>>(), 1.0))>;

static_assert(std::is_same_v<awaitc::await_result_t<decltype(
                                 awaitc::wait_for(std::declval<Coro<int>>(),
                                                  std::chrono::seconds(1)))>,
                             int>);
static_assert(std::is_same_v<awaitc::await_result_t<decltype(awaitc::wait_for(
                                 std::declval<Task<int &> &>(), 1.0))>,
                             int &>);

std::string flag(bool value) { return value ? "True" : "False"; }
std::string now() {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", awaitc::loop_time());
  return buffer;
}

Coro<void> ticker(Log &log, int n) {
  return coro<void>([&log, n, i = 0, s = Await<SleepAwaiter>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      for (i = 0; i < n; ++i) {
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
}

Coro<int> quick(Log &log, int v) {
  return coro<int>([&log, v, s = Await<SleepAwaiter>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      log("quick start");
      if (f.await(1, s, awaitc::sleep(0)))
        return;
      [[fallthrough]];
    case 1:
      s.resume();
      log("quick end");
      f.return_value(v);
    }
  });
}

Coro<int> sleepy(Log &log, double d) {
  return coro<int>([&log, d, s = Await<SleepAwaiter>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      log("sleepy start");
      if (f.await(1, s, awaitc::sleep(d)))
        return;
      [[fallthrough]];
    case 1:
      try {
        s.resume();
      } catch (const CancelledError &) {
        log("sleepy cancelled");
        throw;
      }
      log("sleepy end");
      f.return_value(7);
    }
  });
}

Coro<int> stubborn(Log &log) {
  return coro<int>([&log, s = Await<SleepAwaiter>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      if (f.await(1, s, awaitc::sleep(10)))
        return;
      [[fallthrough]];
    case 1:
      try {
        s.resume();
      } catch (const CancelledError &) {
        log("stubborn cleanup");
        if (f.await(2, s, awaitc::sleep(0)))
          return;
      }
      f.return_value(-1);
      return;
    case 2:
      s.resume();
      log("stubborn returns");
      f.return_value(5);
    }
  });
}

Coro<int> failing() {
  return coro<int>([s = Await<SleepAwaiter>()](auto &f) mutable -> void {
    switch (f.state()) {
    case 0:
      if (f.await(1, s, awaitc::sleep(0)))
        return;
      [[fallthrough]];
    case 1:
      s.resume();
      throw std::invalid_argument("boom");
    }
  });
}

// async def main():
//     asyncio.create_task(ticker(5))
//     v = await asyncio.wait_for(quick(42), 10)
//     log(f"v={v} t={now():g}")
// -> tick0 quick start tick1 quick end tick2 tick3 v=42 t=0 tick4
// (one iteration later than `await asyncio.create_task(quick(42))`, which
// gives: tick0 quick start tick1 quick end tick2 v=42 tick3)
TEST(WaitFor, CoroutineFinishesInTime) {
  Log log;
  awaitc::run(coro<void>([&log, w = WaitCoro<int>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  (void)awaitc::create_task(ticker(log, 5));
                  if (f.await(1, w, awaitc::wait_for(quick(log, 42), 10)))
                    return;
                  [[fallthrough]];
                case 1:
                  log("v=" + std::to_string(w.resume()) + " t=" + now());
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(),
            "tick0 quick start tick1 quick end tick2 tick3 v=42 t=0 tick4");
}

// async def main():
//     try: await asyncio.wait_for(sleepy(10), 1)
//     except asyncio.TimeoutError: log(f"timeout t={now():g}")
// -> sleepy start sleepy cancelled timeout t=1
TEST(WaitFor, TimeoutCancelsTheTaskThenThrowsTimeoutError) {
  Log log;
  awaitc::run(coro<void>([&log, w = WaitCoro<int>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  if (f.await(1, w, awaitc::wait_for(sleepy(log, 10), 1)))
                    return;
                  [[fallthrough]];
                case 1:
                  try {
                    w.resume();
                    log("no timeout");
                  } catch (const TimeoutError &) {
                    log("timeout t=" + now());
                  }
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "sleepy start sleepy cancelled timeout t=1");
}

// async def main():
//     async def late_ticker():
//         await asyncio.sleep(1); await ticker(5)
//     asyncio.create_task(late_ticker())   # its timer is due after wait_for's
//     try: await asyncio.wait_for(sleepy(10), 1)
//     except asyncio.TimeoutError: log(f"timeout t={now():g}")
// -> sleepy start tick0 sleepy cancelled tick1 tick2 timeout t=1 tick3 tick4
TEST(WaitFor, TimeoutOrderAgainstOtherTasks) {
  Log log;
  auto late_ticker = [&log] {
    return coro<void>([&log, s = Await<SleepAwaiter>(),
                       c = Await<Coro<void>>()](auto &f) mutable {
      switch (f.state()) {
      case 0:
        if (f.await(1, s, awaitc::sleep(1)))
          return;
        [[fallthrough]];
      case 1:
        s.resume();
        if (f.await(2, c, ticker(log, 5)))
          return;
        [[fallthrough]];
      case 2:
        c.resume();
        f.return_void();
      }
    });
  };
  awaitc::run(
      coro<void>([&log, late_ticker, w = WaitCoro<int>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          (void)awaitc::create_task(late_ticker());
          if (f.await(1, w, awaitc::wait_for(sleepy(log, 10), 1)))
            return;
          [[fallthrough]];
        case 1:
          try {
            w.resume();
          } catch (const TimeoutError &) {
            log("timeout t=" + now());
          }
          f.return_void();
        }
      }),
      virtual_time());
  EXPECT_EQ(log.str(), "sleepy start tick0 sleepy cancelled tick1 tick2 "
                       "timeout t=1 tick3 tick4");
}

// async def main():
//     v = await asyncio.wait_for(sleepy(1), 2)
//     log(f"v={v} t={now():g}")
// -> sleepy start sleepy end v=7 t=1
TEST(WaitFor, ChronoTimeout) {
  Log log;
  awaitc::run(coro<void>([&log, w = WaitCoro<int>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  if (f.await(1, w,
                              awaitc::wait_for(sleepy(log, 1),
                                               std::chrono::milliseconds(2000))))
                    return;
                  [[fallthrough]];
                case 1:
                  log("v=" + std::to_string(w.resume()) + " t=" + now());
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "sleepy start sleepy end v=7 t=1");
}

// async def main():
//     v = await asyncio.wait_for(stubborn(), 1)
//     log(f"v={v} t={now():g}")
// -> stubborn cleanup stubborn returns v=5 t=1
// (3.11: a task that swallows the cancellation and returns gives its value)
TEST(WaitFor, TaskThatCatchesTheCancellationGivesItsValue) {
  Log log;
  awaitc::run(coro<void>([&log, w = WaitCoro<int>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  if (f.await(1, w, awaitc::wait_for(stubborn(log), 1)))
                    return;
                  [[fallthrough]];
                case 1:
                  log("v=" + std::to_string(w.resume()) + " t=" + now());
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "stubborn cleanup stubborn returns v=5 t=1");
}

// async def main():
//     try: await asyncio.wait_for(failing(), 1)
//     except ValueError as e: log(f"caught {e}")
// -> caught boom
TEST(WaitFor, ExceptionOfTheTaskPropagates) {
  Log log;
  awaitc::run(coro<void>([&log, w = WaitCoro<int>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  if (f.await(1, w, awaitc::wait_for(failing(), 1)))
                    return;
                  [[fallthrough]];
                case 1:
                  try {
                    w.resume();
                  } catch (const std::invalid_argument &e) {
                    log(std::string("caught ") + e.what());
                  }
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "caught boom");
}

// async def main():
//     t = asyncio.create_task(quick(3))
//     try: await asyncio.wait_for(sleepy(5), 0)
//     except asyncio.TimeoutError: log(f"timeout t={now():g}")
//     log(f"done={t.done()}")
//     await t
//     log(f"done={t.done()}")
//     v = await asyncio.wait_for(t, 0)   # finished: no suspension
//     log(f"v={v}")
// -> quick start quick end timeout t=0 done=True done=True v=3
TEST(WaitFor, ZeroTimeout) {
  Log log;
  int suspensions = 0;
  awaitc::run(coro<void>([&log, &suspensions, t = Task<int>(),
                          w = WaitCoro<int>(), a = Await<Task<int> &>(),
                          wt = WaitTask<int>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  t = awaitc::create_task(quick(log, 3));
                  if (f.await(1, w, awaitc::wait_for(sleepy(log, 5), 0)))
                    return;
                  [[fallthrough]];
                case 1:
                  try {
                    w.resume();
                  } catch (const TimeoutError &) {
                    log("timeout t=" + now());
                  }
                  log("done=" + flag(t.done()));
                  if (f.await(2, a, t))
                    return;
                  [[fallthrough]];
                case 2:
                  a.resume();
                  log("done=" + flag(t.done()));
                  if (f.await(3, wt, awaitc::wait_for(t, 0))) {
                    ++suspensions;
                    return;
                  }
                  [[fallthrough]];
                case 3:
                  log("v=" + std::to_string(wt.resume()));
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "quick start quick end timeout t=0 done=True "
                       "done=True v=3");
  EXPECT_EQ(suspensions, 0);
}

// async def main():
//     t = asyncio.create_task(quick(9))
//     await t
//     asyncio.create_task(ticker(4))
//     v = await asyncio.wait_for(t, 1)
//     log(f"v={v} cancelled={t.cancelled()}")
// -> quick start quick end tick0 tick1 v=9 cancelled=False tick2
TEST(WaitFor, FinishedTaskWithPositiveTimeoutStillSuspends) {
  Log log;
  awaitc::run(coro<void>([&log, t = Task<int>(), a = Await<Task<int> &>(),
                          w = WaitTask<int>()](auto &f) mutable {
                switch (f.state()) {
                case 0:
                  t = awaitc::create_task(quick(log, 9));
                  if (f.await(1, a, t))
                    return;
                  [[fallthrough]];
                case 1:
                  a.resume();
                  (void)awaitc::create_task(ticker(log, 4));
                  if (f.await(2, w, awaitc::wait_for(t, 1)))
                    return;
                  [[fallthrough]];
                case 2:
                  log("v=" + std::to_string(w.resume()) +
                      " cancelled=" + flag(t.cancelled()));
                  f.return_void();
                }
              }),
              virtual_time());
  EXPECT_EQ(log.str(),
            "quick start quick end tick0 tick1 v=9 cancelled=False tick2");
}

// async def main():
//     inner = asyncio.create_task(sleepy(10))
//     async def outer():
//         try: await asyncio.wait_for(inner, 5)
//         except asyncio.CancelledError:
//             log(f"outer cancelled t={now():g} inner.cancelled={inner.cancelled()}")
//             raise
//     o = asyncio.create_task(outer())
//     await asyncio.sleep(1)
//     log(f"cancel={o.cancel()}")
//     try: await o
//     except asyncio.CancelledError: log(f"o.cancelled={o.cancelled()}")
// -> sleepy start cancel=True sleepy cancelled outer cancelled t=1
//    inner.cancelled=True o.cancelled=True
TEST(WaitFor, CancellingTheAwaiterCancelsTheTask) {
  Log log;
  awaitc::run(
      coro<void>([&log, inner = Task<int>(), o = Task<void>(),
                  s = Await<SleepAwaiter>(),
                  a = Await<Task<void> &>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          inner = awaitc::create_task(sleepy(log, 10));
          o = awaitc::create_task(coro<void>(
              [&log, inner, w = WaitTask<int>()](auto &g) mutable {
                switch (g.state()) {
                case 0:
                  if (g.await(1, w, awaitc::wait_for(inner, 5)))
                    return;
                  [[fallthrough]];
                case 1:
                  try {
                    w.resume();
                  } catch (const CancelledError &) {
                    log("outer cancelled t=" + now() +
                        " inner.cancelled=" + flag(inner.cancelled()));
                    throw;
                  }
                  g.return_void();
                }
              }));
          if (f.await(1, s, awaitc::sleep(1)))
            return;
          [[fallthrough]];
        case 1:
          s.resume();
          log("cancel=" + flag(o.cancel()));
          if (f.await(2, a, o))
            return;
          [[fallthrough]];
        case 2:
          try {
            a.resume();
          } catch (const CancelledError &) {
            log("o.cancelled=" + flag(o.cancelled()));
          }
          f.return_void();
        }
      }),
      virtual_time());
  EXPECT_EQ(log.str(), "sleepy start cancel=True sleepy cancelled outer "
                       "cancelled t=1 inner.cancelled=True o.cancelled=True");
}

// async def main():
//     async def outer():
//         try:
//             v = await asyncio.wait_for(stubborn(), 1); log(f"v={v}")
//         except asyncio.CancelledError:
//             log(f"outer cancelled t={now():g}"); raise
//     o = asyncio.create_task(outer())
//     await asyncio.sleep(1)     # due after wait_for's timer
//     await asyncio.sleep(0)     # the outer runs: cancels stubborn, waits
//     log(f"cancel={o.cancel()}")
//     try: await o
//     except asyncio.CancelledError: log(f"o.cancelled={o.cancelled()}")
//     await asyncio.sleep(0); await asyncio.sleep(0)
// -> cancel=True stubborn cleanup outer cancelled t=1 stubborn returns
//    o.cancelled=True
TEST(WaitFor, CancelledWhileWaitingForTheCancelledTask) {
  Log log;
  awaitc::run(
      coro<void>([&log, o = Task<void>(), s = Await<SleepAwaiter>(),
                  a = Await<Task<void> &>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          o = awaitc::create_task(
              coro<void>([&log, w = WaitCoro<int>()](auto &g) mutable {
                switch (g.state()) {
                case 0:
                  if (g.await(1, w, awaitc::wait_for(stubborn(log), 1)))
                    return;
                  [[fallthrough]];
                case 1:
                  try {
                    log("v=" + std::to_string(w.resume()));
                  } catch (const CancelledError &) {
                    log("outer cancelled t=" + now());
                    throw;
                  }
                  g.return_void();
                }
              }));
          if (f.await(1, s, awaitc::sleep(1)))
            return;
          [[fallthrough]];
        case 1:
          s.resume();
          if (f.await(2, s, awaitc::sleep(0)))
            return;
          [[fallthrough]];
        case 2:
          s.resume();
          log("cancel=" + flag(o.cancel()));
          if (f.await(3, a, o))
            return;
          [[fallthrough]];
        case 3:
          try {
            a.resume();
          } catch (const CancelledError &) {
            log("o.cancelled=" + flag(o.cancelled()));
          }
          if (f.await(4, s, awaitc::sleep(0)))
            return;
          [[fallthrough]];
        case 4:
          s.resume();
          if (f.await(5, s, awaitc::sleep(0)))
            return;
          [[fallthrough]];
        case 5:
          s.resume();
          f.return_void();
        }
      }),
      virtual_time());
  EXPECT_EQ(log.str(), "cancel=True stubborn cleanup outer cancelled t=1 "
                       "stubborn returns o.cancelled=True");
}

// async def main():
//     t = asyncio.create_task(quick(11))
//     v = await asyncio.wait_for(t, 1)
//     w = t.result()
//     log(f"v={v} w={w}")
// -> quick start quick end v=11 w=11
// And an rvalue task's value is moved out (a move-only value).
TEST(WaitFor, LvalueTaskIsCopiedRvalueTaskIsMoved) {
  Log log;
  awaitc::run(
      coro<void>([&log, t = Task<int>(), w = WaitTask<int>(),
                  m = WaitMovedTask<std::unique_ptr<int>>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          t = awaitc::create_task(quick(log, 11));
          if (f.await(1, w, awaitc::wait_for(t, 1)))
            return;
          [[fallthrough]];
        case 1: {
          int v = w.resume();
          log("v=" + std::to_string(v) + " w=" + std::to_string(t.result()));
          Task<std::unique_ptr<int>> p =
              awaitc::create_task(coro<std::unique_ptr<int>>([](auto &g) {
                g.return_value(std::make_unique<int>(12));
              }));
          if (f.await(2, m, awaitc::wait_for(std::move(p), 1)))
            return;
        }
          [[fallthrough]];
        case 2: {
          std::unique_ptr<int> p = m.resume();
          log("moved " + std::to_string(*p));
          f.return_void();
        }
        }
      }),
      virtual_time());
  EXPECT_EQ(log.str(), "quick start quick end v=11 w=11 moved 12");
}

// A Coro handed to wait_for but never awaited never runs, and the task it
// would become is never created (asyncio: the wait_for coroutine never
// starts).
TEST(WaitFor, NothingStartsBeforeTheAwait) {
  Log log;
  awaitc::run(coro<void>([&log](auto &f) {
                auto unused = awaitc::wait_for(quick(log, 1), 1);
                (void)unused;
                f.return_void();
              }),
              virtual_time());
  EXPECT_EQ(log.str(), "");
}

// The frame awaiting wait_for is destroyed while it waits (its task is
// still pending when the loop is destroyed): the awaiter unregisters its
// timer and its done callback; nothing runs afterwards and nothing leaks
// (checked under ASan and valgrind).
TEST(WaitFor, AwaitingFrameDestroyedWhileWaiting) {
  Log log;
  {
    awaitc::EventLoop loop(virtual_time());
    Task<int> inner = awaitc::create_task(sleepy(log, 10));
    Task<void> outer = awaitc::create_task(
        coro<void>([&log, inner, w = WaitTask<int>()](auto &f) mutable {
          switch (f.state()) {
          case 0:
            if (f.await(1, w, awaitc::wait_for(inner, 5)))
              return;
            [[fallthrough]];
          case 1:
            w.resume();
            log("not reached");
            f.return_void();
          }
        }));
    loop.run_once();
    loop.run_once();
    EXPECT_FALSE(outer.done());
    outer = Task<void>();
  } // the loop destroys the pending tasks' frames
  EXPECT_EQ(log.str(), "sleepy start");
}

} // namespace
