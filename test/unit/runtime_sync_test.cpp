// Tests of the synchronisation primitives and of waiting for several tasks:
// Event, Lock, Semaphore, BoundedSemaphore, Condition, the queues, Future,
// gather, wait, shield, TaskGroup; their order, cancellation and misuse.
//
// A scenario is a script: one step per loop iteration (sleep(0) between
// steps), with tasks that await one primitive each and log how it ended.
// Each test names the asyncio program it was checked against (CPython
// 3.11); the expected strings are that program's output.
// test/asyncio-parity/ has the same behaviours as paired programs.

#include "runtime_frames.h"

#include <awaitc/awaitc.h>

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace {

using awaitc::CancelledError;
using awaitc::Coro;
using awaitc::SleepAwaiter;
using awaitc::Task;
using awaitc_test::Await;
using awaitc_test::coro;
using awaitc_test::Log;
using awaitc_test::virtual_time;

// The primitives' public face shows none of the runtime's internals: the
// awaiters' bases are private, make_awaiter and next() give awaiters named
// in namespace awaitc, and a Task does not hand out its state.
template <class A> constexpr bool reaches_waiter() {
  return std::is_convertible_v<A *, awaitc::detail::Waiter *>;
}
static_assert(!reaches_waiter<awaitc::Event::WaitAwaiter>());
static_assert(!reaches_waiter<awaitc::Lock::AcquireAwaiter>());
static_assert(!reaches_waiter<awaitc::Semaphore::AcquireAwaiter>());
static_assert(!reaches_waiter<awaitc::Condition::WaitAwaiter<bool>>());
static_assert(!reaches_waiter<awaitc::Queue<int>::GetAwaiter>());
static_assert(!reaches_waiter<awaitc::Queue<int>::PutAwaiter>());
static_assert(!std::is_convertible_v<awaitc::Event::WaitAwaiter *,
                                     awaitc::detail::ParkedWaiter *>);
static_assert(!std::is_convertible_v<awaitc::Queue<int>::GetAwaiter *,
                                     awaitc::detail::ParkedWaiter *>);
static_assert(!reaches_waiter<awaitc::FutureAwaiter<int, false>>());
static_assert(!reaches_waiter<awaitc::TaskAwaiter<int, true>>());
static_assert(!reaches_waiter<awaitc::TaskGroup::WaitAwaiter>());
static_assert(!reaches_waiter<awaitc::ShieldAwaitable<int>>());
static_assert(!reaches_waiter<awaitc::GatherAwaitable<int>>());
static_assert(!reaches_waiter<awaitc::GatherVectorAwaitable<int>>());
static_assert(!reaches_waiter<awaitc::WaitTasks<int>>());
static_assert(std::is_same_v<decltype(make_awaiter(std::declval<Coro<int>>())),
                             awaitc::CoroAwaiter<int>>);
static_assert(
    std::is_same_v<decltype(make_awaiter(std::declval<Task<int> &>())),
                   awaitc::TaskAwaiter<int, false>>);
static_assert(std::is_same_v<
              decltype(std::declval<awaitc::AsyncGenerator<int> &>().next()),
              awaitc::AsyncNextAwaiter<int>>);
static_assert(std::is_same_v<
              decltype(awaitc::gather(std::declval<Coro<int>>(),
                                      std::declval<Task<std::string> &>())),
              awaitc::GatherAwaitable<int, std::string>>);
static_assert(std::is_same_v<awaitc::await_result_t<Task<int> &>, int>);
template <class T, class = void> struct has_state : std::false_type {};
template <class T>
struct has_state<T, std::void_t<decltype(std::declval<T &>().state())>>
    : std::true_type {};
static_assert(!has_state<Task<int>>::value);

std::string show(bool v) { return v ? "True" : "False"; }
std::string show(int v) { return std::to_string(v); }
std::string show(const std::string &v) { return v; }
template <class... Ts> std::string show(const std::tuple<Ts...> &t) {
  std::string s;
  std::apply([&](const auto &...v) { ((s += (s.empty() ? "" : ",") + show(v)), ...); },
             t);
  return "(" + s + ")";
}
template <class T> std::string show(const std::vector<T> &v) {
  std::string s;
  for (const T &x : v)
    s += (s.empty() ? "" : ",") + show(x);
  return "[" + s + "]";
}

// async def awaiting(name, aw):
//     log(f"{name} waits")
//     try: log(f"{name} {await aw}")
//     except CancelledError: log(f"{name} cancelled"); raise
//     except Exception as e: log(f"{name} error {e}")
template <class Make> Coro<void> awaiting(Log &log, std::string name, Make make) {
  using Expr = decltype(make());
  return coro<void>([&log, name, make, a = Await<Expr>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      log(name + " waits");
      try {
        if (f.await(1, a, make()))
          return;
      } catch (const std::exception &e) { // thrown when the wait begins
        log(name + " error " + e.what());
        f.return_void();
        return;
      }
      [[fallthrough]];
    case 1:
      try {
        if constexpr (std::is_void_v<decltype(a.resume())>) {
          a.resume();
          log(name + " None");
        } else {
          log(name + " " + show(a.resume()));
        }
      } catch (const CancelledError &) {
        log(name + " cancelled");
        throw;
      } catch (const std::exception &e) {
        log(name + " error " + e.what());
      }
      f.return_void();
    }
  });
}

// Runs each step in a loop iteration of its own (sleep(0) after each), then
// `settle` more iterations.
Coro<void> script(std::vector<std::function<void()>> steps, int settle = 10) {
  return coro<void>([steps = std::move(steps), settle, i = std::size_t(0),
                     s = Await<SleepAwaiter>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      for (i = 0; i < steps.size() + std::size_t(settle); ++i) {
        if (i < steps.size())
          steps[i]();
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

// A coroutine that takes `hops` loop iterations, then returns `value` (or
// throws std::runtime_error(value) if `fail`), logging its end.
Coro<std::string> child(Log &log, std::string value, int hops,
                        bool fail = false) {
  return coro<std::string>([&log, value, hops, fail, i = 0,
                            s = Await<SleepAwaiter>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      for (i = 0; i < hops; ++i) {
        if (f.await(1, s, awaitc::sleep(0)))
          return;
        [[fallthrough]];
      case 1:
        try {
          s.resume();
        } catch (const CancelledError &) {
          log(value + " cancelled");
          throw;
        }
      }
      if (fail) {
        log(value + " fails");
        throw std::runtime_error(value);
      }
      log(value + " ends");
      f.return_value(value);
    }
  });
}

// --- Event -------------------------------------------------------------------

// ev = Event(); tasks a, b await ev.wait(); step: ev.set(); ev.set();
// c awaits the set event (at once)
// -> a waits b waits set a True b True c waits c True
TEST(Event, SetWakesWaitersInOrderAndWaitOnASetEventReturnsAtOnce) {
  Log log;
  awaitc::Event ev;
  std::vector<Task<void>> tasks;
  awaitc::run(script({[&] {
                        for (const char *n : {"a", "b"})
                          tasks.push_back(awaitc::create_task(
                              awaiting(log, n, [&] { return ev.wait(); })));
                      },
                      [&] {
                        log("set");
                        ev.set();
                        ev.set();
                      },
                      [&] {
                        tasks.push_back(awaitc::create_task(
                            awaiting(log, "c", [&] { return ev.wait(); })));
                      }}));
  EXPECT_EQ(log.str(), "a waits b waits set a True b True c waits c True");
  EXPECT_TRUE(ev.is_set());
  ev.clear();
  EXPECT_FALSE(ev.is_set());
}

// a waits; a.cancel(); the event is unchanged and a later set() is fine.
// -> a waits a cancelled
TEST(Event, CancelledWaiterLeavesTheEventConsistent) {
  Log log;
  awaitc::Event ev;
  Task<void> a;
  awaitc::run(script({[&] {
                        a = awaitc::create_task(
                            awaiting(log, "a", [&] { return ev.wait(); }));
                      },
                      [&] { a.cancel(); }, [&] { ev.set(); }}));
  EXPECT_EQ(log.str(), "a waits a cancelled");
  EXPECT_TRUE(a.cancelled());
}

// --- Lock --------------------------------------------------------------------

TEST(Lock, ReleasingAnUnlockedLockThrowsLogicError) {
  awaitc::Lock lock;
  EXPECT_THROW(lock.release(), std::logic_error);
}

// main holds the lock; a, b, c queue; b.cancel(); release(); a.cancel()
// (woken, not resumed: passes the lock to c)
// -> a waits b waits c waits b cancelled a cancelled c True
TEST(Lock, CancelledWaitersNeverSwallowTheLock) {
  Log log;
  awaitc::Lock lock;
  std::vector<Task<void>> t;
  awaitc::run(script({[&] {
                        EXPECT_TRUE(lock.acquire().await_ready());
                        for (const char *n : {"a", "b", "c"})
                          t.push_back(awaitc::create_task(awaiting(
                              log, n, [&] { return lock.acquire(); })));
                      },
                      [&] {
                        t[1].cancel();
                        lock.release();
                        t[0].cancel();
                        EXPECT_FALSE(lock.locked());
                      }}));
  EXPECT_EQ(log.str(),
            "a waits b waits c waits b cancelled a cancelled c True");
  EXPECT_TRUE(lock.locked());
  EXPECT_TRUE(t[0].cancelled() && t[1].cancelled() && !t[2].cancelled());
}

// A free lock with only cancelled waiters queued is taken at once; with a
// woken (not yet resumed) waiter queued it is not.
TEST(Lock, FastPathRespectsWokenWaiters) {
  Log log;
  awaitc::Lock lock;
  std::vector<Task<void>> t;
  awaitc::run(script({[&] {
                        EXPECT_TRUE(lock.acquire().await_ready());
                        t.push_back(awaitc::create_task(awaiting(
                            log, "a", [&] { return lock.acquire(); })));
                      },
                      [&] {
                        lock.release(); // a is woken
                        EXPECT_FALSE(lock.locked());
                        EXPECT_FALSE(lock.acquire().await_ready());
                      }}));
  EXPECT_EQ(log.str(), "a waits a True");
}

// A lock destroyed while a task waits for it: the task waits on until it is
// cancelled, and then never touches the dead lock (checked by ASan and
// valgrind). The same for a queue's getter and a condition's waiter.
TEST(Lock, DestroyedWhileWaitedOnTheWaiterEndsByCancellation) {
  Log log;
  auto lock = std::make_unique<awaitc::Lock>();
  auto queue = std::make_unique<awaitc::Queue<int>>();
  auto cond = std::make_unique<awaitc::Condition>();
  std::vector<Task<void>> t;
  awaitc::run(script({[&] {
                        EXPECT_TRUE(lock->acquire().await_ready());
                        EXPECT_TRUE(cond->acquire().await_ready());
                        t.push_back(awaitc::create_task(awaiting(
                            log, "l", [&] { return lock->acquire(); })));
                        t.push_back(awaitc::create_task(
                            awaiting(log, "q", [&] { return queue->get(); })));
                        t.push_back(awaitc::create_task(
                            awaiting(log, "c", [&] { return cond->wait(); })));
                      },
                      [&] {
                        lock.reset();
                        queue.reset();
                        cond.reset();
                      },
                      [&] {
                        for (Task<void> &task : t)
                          task.cancel();
                      }}));
  EXPECT_EQ(log.str(), "l waits q waits c waits l cancelled q cancelled c "
                       "cancelled");
}

// --- Semaphore ---------------------------------------------------------------

TEST(Semaphore, NegativeInitialValueThrowsInvalidArgument) {
  EXPECT_THROW(awaitc::Semaphore(-1), std::invalid_argument);
  EXPECT_THROW(awaitc::BoundedSemaphore(-1), std::invalid_argument);
}

TEST(Semaphore, BoundedOverReleaseThrowsInvalidArgumentAlsoThroughTheBase) {
  awaitc::BoundedSemaphore bounded(2);
  EXPECT_THROW(bounded.release(), std::invalid_argument);
  awaitc::Semaphore &base = bounded;
  EXPECT_THROW(base.release(), std::invalid_argument);
  EXPECT_EQ(bounded.value(), 2);
  awaitc::Semaphore unbounded(0);
  unbounded.release();
  unbounded.release();
  EXPECT_EQ(unbounded.value(), 2);
}

// sem = Semaphore(0); a, b, c wait; b.cancel(); release() (to a);
// a.cancel() -> a gives the unit back, c gets it
// -> a waits b waits c waits b cancelled a cancelled c True ; value 0
TEST(Semaphore, WokenThenCancelledWaiterGivesTheUnitBack) {
  Log log;
  awaitc::Semaphore sem(0);
  std::vector<Task<void>> t;
  awaitc::run(script({[&] {
                        for (const char *n : {"a", "b", "c"})
                          t.push_back(awaitc::create_task(awaiting(
                              log, n, [&] { return sem.acquire(); })));
                      },
                      [&] {
                        EXPECT_TRUE(sem.locked());
                        t[1].cancel();
                        sem.release();
                        EXPECT_EQ(sem.value(), 0);
                        t[0].cancel();
                      }}));
  EXPECT_EQ(log.str(),
            "a waits b waits c waits b cancelled a cancelled c True");
  EXPECT_EQ(sem.value(), 0);
  EXPECT_TRUE(sem.locked());
}

// --- Condition ---------------------------------------------------------------

TEST(Condition, NotifyAndReleaseWithoutTheLockThrowLogicError) {
  awaitc::Condition cond;
  EXPECT_THROW(cond.notify(), std::logic_error);
  EXPECT_THROW(cond.notify_all(), std::logic_error);
  EXPECT_THROW(cond.release(), std::logic_error);
}

TEST(Condition, WaitWithoutTheLockIsAnError) {
  Log log;
  awaitc::Condition cond;
  awaitc::run(script({[&] {
    (void)awaitc::create_task(awaiting(log, "w", [&] { return cond.wait(); }));
    (void)awaitc::create_task(awaiting(
        log, "p", [&] { return cond.wait_for([] { return false; }); }));
  }}));
  EXPECT_EQ(log.str(), "w waits w error awaitc::Condition::wait: cannot wait "
                       "on un-acquired lock p waits p error "
                       "awaitc::Condition::wait: cannot wait on un-acquired "
                       "lock");
}

// Waiters hold the lock through Condition(lock) sharing; notify(1) wakes the
// first; wait_for's predicate is tested again after each notification.
TEST(Condition, NotifyWakesInOrderAndWaitForTestsThePredicate) {
  Log log;
  awaitc::Lock lock;
  awaitc::Condition cond(lock);
  int ready = 0;
  std::vector<Task<void>> t;
  auto take_lock = [&] { EXPECT_TRUE(lock.acquire().await_ready()); };
  awaitc::run(script(
      {[&] {
         take_lock(); // the waiters' wait() requires the lock: hand it over
         t.push_back(awaitc::create_task(
             awaiting(log, "a", [&] { return cond.wait(); })));
       },
       [&] {
         take_lock();
         t.push_back(awaitc::create_task(awaiting(
             log, "b", [&] { return cond.wait_for([&] { return ready; }); })));
       },
       [&] {
         take_lock();
         cond.notify(1); // a
         lock.release();
       },
       [&] {
         lock.release(); // a's
         take_lock();
         cond.notify_all(); // b tests the predicate: 0, waits again
         lock.release();
       },
       [&] {
         take_lock(); // b released it when it waited again
         ready = 7;
         cond.notify();
         lock.release();
       }}));
  EXPECT_EQ(log.str(), "a waits b waits a True b 7");
}

// --- Queue -------------------------------------------------------------------

TEST(Queue, NowaitErrorsAndTaskDoneTooOften) {
  awaitc::Queue<int> q(1);
  EXPECT_THROW(q.get_nowait(), awaitc::QueueEmpty);
  q.put_nowait(1);
  EXPECT_TRUE(q.full());
  EXPECT_THROW(q.put_nowait(2), awaitc::QueueFull);
  EXPECT_EQ(q.get_nowait(), 1);
  q.task_done();
  EXPECT_THROW(q.task_done(), std::invalid_argument);
  static_assert(std::is_base_of_v<std::exception, awaitc::QueueEmpty>);
  static_assert(std::is_base_of_v<std::exception, awaitc::QueueFull>);
}

TEST(Queue, PriorityAndLifoOrder) {
  awaitc::PriorityQueue<int> pq;
  for (int x : {5, 1, 4, 1, 3})
    pq.put_nowait(x);
  std::vector<int> out;
  while (!pq.empty())
    out.push_back(pq.get_nowait());
  EXPECT_EQ(out, (std::vector<int>{1, 1, 3, 4, 5}));
  awaitc::PriorityQueue<int, std::greater<int>> maxq;
  for (int x : {2, 9, 4})
    maxq.put_nowait(x);
  EXPECT_EQ(maxq.get_nowait(), 9);
  awaitc::LifoQueue<std::string> lq;
  lq.put_nowait("a");
  lq.put_nowait("b");
  EXPECT_EQ(lq.get_nowait(), "b");
  EXPECT_EQ(lq.qsize(), 1u);
}

// q = Queue(); a, b, c get(); b.cancel(); put_nowait(1) (wakes a);
// a.cancel() (woken: c is woken instead) -> nothing is lost
// -> a waits b waits c waits b cancelled a cancelled c 1
TEST(Queue, CancelledGettersLoseNoItem) {
  Log log;
  awaitc::Queue<int> q;
  std::vector<Task<void>> t;
  awaitc::run(script({[&] {
                        for (const char *n : {"a", "b", "c"})
                          t.push_back(awaitc::create_task(
                              awaiting(log, n, [&] { return q.get(); })));
                      },
                      [&] {
                        t[1].cancel();
                        q.put_nowait(1);
                        t[0].cancel();
                      }}));
  EXPECT_EQ(log.str(),
            "a waits b waits c waits b cancelled a cancelled c 1");
  EXPECT_TRUE(q.empty());
}

// A full queue's putter cancelled while waiting puts nothing; join() waits
// for task_done().
TEST(Queue, CancelledPutterPutsNothingAndJoinWaitsForTaskDone) {
  Log log;
  awaitc::Queue<int> q(1);
  std::vector<Task<void>> t;
  awaitc::run(script({[&] {
                        q.put_nowait(1);
                        t.push_back(awaitc::create_task(
                            awaiting(log, "p", [&] { return q.put(2); })));
                        t.push_back(awaitc::create_task(
                            awaiting(log, "j", [&] { return q.join(); })));
                      },
                      [&] { t[0].cancel(); },
                      [&] {
                        EXPECT_EQ(q.qsize(), 1u);
                        EXPECT_EQ(q.get_nowait(), 1);
                        q.task_done();
                      }}));
  EXPECT_EQ(log.str(), "p waits j waits p cancelled j True");
}

// --- Future ------------------------------------------------------------------

TEST(Future, CompletingTwiceOrAskingTooEarlyThrowsInvalidStateError) {
  awaitc::Future<int> f;
  EXPECT_THROW(f.result(), awaitc::InvalidStateError);
  EXPECT_THROW(f.exception(), awaitc::InvalidStateError);
  f.set_result(1);
  EXPECT_THROW(f.set_result(2), awaitc::InvalidStateError);
  EXPECT_THROW(f.set_exception(std::runtime_error("x")),
               awaitc::InvalidStateError);
  EXPECT_FALSE(f.cancel());
  EXPECT_EQ(f.result(), 1);
  awaitc::Future<void> v;
  EXPECT_TRUE(v.cancel());
  EXPECT_THROW(v.result(), CancelledError);
  EXPECT_THROW(v.set_result(), awaitc::InvalidStateError);
}

// fut awaited by a and b; a done callback added between them; set_result
// -> a waits b waits a 42 callback b 42 (registration order)
TEST(Future, AwaitedByManyWithCallbacksInRegistrationOrder) {
  Log log;
  awaitc::Future<int> fut;
  awaitc::run(script({[&] {
                        (void)awaitc::create_task(
                            awaiting(log, "a", [&] { return fut; }));
                      },
                      [&] {
                        fut.add_done_callback([&](awaitc::Future<int> f) {
                          log("callback " + show(f.result()));
                        });
                        (void)awaitc::create_task(
                            awaiting(log, "b", [&] { return fut; }));
                      },
                      [&] { fut.set_result(42); }}));
  EXPECT_EQ(log.str(), "a waits b waits a 42 callback 42 b 42");
}

// Cancelling a task that awaits a future cancels the future; the other
// awaiter gets CancelledError too. set_exception reaches every awaiter.
TEST(Future, CancellingAnAwaiterCancelsTheFuture) {
  Log log;
  awaitc::Future<int> fut, bad;
  std::vector<Task<void>> t;
  awaitc::run(script({[&] {
                        for (const char *n : {"a", "b"})
                          t.push_back(awaitc::create_task(
                              awaiting(log, n, [&] { return fut; })));
                        t.push_back(awaitc::create_task(
                            awaiting(log, "c", [&] { return bad; })));
                      },
                      [&] {
                        t[0].cancel();
                        bad.set_exception(std::runtime_error("boom"));
                      }}));
  EXPECT_EQ(log.str(), "a waits b waits c waits a cancelled b cancelled c "
                       "error boom");
  EXPECT_TRUE(fut.cancelled());
  EXPECT_TRUE(t[1].cancelled());
}

// --- gather ------------------------------------------------------------------

// gather(x(2 hops), y(0 hops)) -> results in argument order; the awaiter
// resumes two iterations after the last child.
TEST(Gather, TupleAndVectorInArgumentOrder) {
  Log log;
  awaitc::run(script({[&] {
    (void)awaitc::create_task(awaiting(log, "g", [&] {
      return awaitc::gather(child(log, "x", 2), child(log, "y", 0));
    }));
    std::vector<Task<std::string>> v;
    v.push_back(awaitc::create_task(child(log, "p", 1)));
    v.push_back(awaitc::create_task(child(log, "q", 0)));
    (void)awaitc::create_task(awaiting(log, "v", [v] { return awaitc::gather(v); }));
  }}));
  EXPECT_EQ(log.str(), "g waits q ends v waits y ends p ends x ends v [p,q] "
                       "g (x,y)");
}

// The first failure propagates while the other children go on.
TEST(Gather, FirstExceptionPropagatesOthersKeepRunning) {
  Log log;
  awaitc::run(script({[&] {
    (void)awaitc::create_task(awaiting(log, "g", [&] {
      return awaitc::gather(child(log, "slow", 3), child(log, "bad", 0, true));
    }));
  }}));
  EXPECT_EQ(log.str(), "g waits bad fails g error bad slow ends");
}

// Cancelling the awaiter cancels the children.
TEST(Gather, CancellingTheAwaiterCancelsTheChildren) {
  Log log;
  Task<void> g;
  awaitc::run(script({[&] {
                        g = awaitc::create_task(awaiting(log, "g", [&] {
                          return awaitc::gather(child(log, "x", 5),
                                                child(log, "y", 5));
                        }));
                      },
                      [&] {}, [&] { g.cancel(); }}));
  EXPECT_EQ(log.str(), "g waits x cancelled y cancelled g cancelled");
}

// --- wait --------------------------------------------------------------------

TEST(Wait, EmptySetThrowsInvalidArgument) {
  EXPECT_THROW(awaitc::wait(std::vector<Task<int>>{}), std::invalid_argument);
}

TEST(Wait, FirstCompletedSplitsDoneAndPending) {
  Log log;
  std::vector<Task<std::string>> v;
  awaitc::run(script({[&] {
    v.push_back(awaitc::create_task(child(log, "slow", 4)));
    v.push_back(awaitc::create_task(child(log, "fast", 1)));
    (void)awaitc::create_task(coro<void>(
        [&log, &v, w = Await<awaitc::WaitTasks<std::string>>()](auto &f) mutable {
          switch (f.state()) {
          case 0:
            if (f.await(1, w,
                        awaitc::wait(v, awaitc::ReturnWhen::FirstCompleted)))
              return;
            [[fallthrough]];
          case 1: {
            awaitc::WaitResult<std::string> r = w.resume();
            log("done " + std::to_string(r.done.size()) + " pending " +
                std::to_string(r.pending.size()) + " first " +
                r.done[0].result());
            f.return_void();
          }
          }
        }));
  }}));
  EXPECT_EQ(log.str(), "fast ends done 1 pending 1 first fast slow ends");
}

// --- shield ------------------------------------------------------------------

TEST(Shield, CancellingTheAwaiterLeavesTheInnerTaskRunning) {
  Log log;
  Task<std::string> inner;
  Task<void> g;
  awaitc::run(script({[&] {
                        inner = awaitc::create_task(child(log, "inner", 3));
                        g = awaitc::create_task(awaiting(
                            log, "g", [&] { return awaitc::shield(inner); }));
                      },
                      [&] { g.cancel(); }}));
  EXPECT_EQ(log.str(), "g waits g cancelled inner ends");
  EXPECT_EQ(inner.result(), "inner");
}

// --- TaskGroup ---------------------------------------------------------------

TEST(TaskGroup, OutsideATaskThrowsLogicError) {
  EXPECT_THROW(awaitc::TaskGroup(), std::logic_error);
}

// A failure cancels the other children; wait() rethrows it afterwards; the
// finished group refuses new tasks.
TEST(TaskGroup, FailureCancelsTheRestAndIsRethrown) {
  Log log;
  awaitc::run(coro<void>([&log, tg = std::unique_ptr<awaitc::TaskGroup>(),
                          w = Await<awaitc::TaskGroup::WaitAwaiter>()](
                             auto &f) mutable {
    switch (f.state()) {
    case 0:
      tg = std::make_unique<awaitc::TaskGroup>();
      tg->create_task(child(log, "long", 5));
      tg->create_task(child(log, "bad", 1, true));
      if (f.await(1, w, tg->wait()))
        return;
      [[fallthrough]];
    case 1:
      try {
        w.resume();
        log("no error");
      } catch (const std::runtime_error &e) {
        log(std::string("wait threw ") + e.what());
      }
      EXPECT_THROW((void)tg->create_task(child(log, "late", 0)), std::logic_error);
      f.return_void();
    }
  }));
  EXPECT_EQ(log.str(), "bad fails long cancelled wait threw bad");
}

} // namespace

// --- Misuse: each is a clear exception, never undefined behaviour ------------

namespace {

template <class E, class F> std::string message_of(F &&f) {
  try {
    f();
  } catch (const E &e) {
    return e.what();
  }
  return "(nothing thrown)";
}

TEST(Misuse, ReleasingAnUnlockedLock) {
  awaitc::Lock lock; // asyncio: RuntimeError("Lock is not acquired.")
  EXPECT_EQ(message_of<std::logic_error>([&] { lock.release(); }),
            "awaitc::Lock::release: the lock is not acquired");
}

TEST(Misuse, BoundedSemaphoreOverRelease) {
  awaitc::BoundedSemaphore sem(1); // asyncio: ValueError
  EXPECT_NE(message_of<std::invalid_argument>([&] { sem.release(); })
                .find("released too many times"),
            std::string::npos);
}

TEST(Misuse, TaskDoneTooOften) {
  awaitc::Queue<int> q; // asyncio: ValueError
  EXPECT_NE(message_of<std::invalid_argument>([&] { q.task_done(); })
                .find("task_done"),
            std::string::npos);
}

TEST(Misuse, RunInsideARunningLoop) {
  std::string what; // asyncio: RuntimeError
  awaitc::run(coro<void>([&](auto &f) {
    Coro<void> inner = coro<void>([](auto &c) { c.return_void(); });
    what = message_of<std::logic_error>(
        [&] { awaitc::run(std::move(inner)); });
    f.return_void();
  }));
  EXPECT_EQ(what, "awaitc: an event loop is already running in this thread");
}

TEST(Misuse, CreateTaskWithNoRunningLoop) {
  Coro<void> c = coro<void>([](auto &f) { f.return_void(); });
  EXPECT_EQ(message_of<std::logic_error>(
                [&] { (void)awaitc::create_task(std::move(c)); }),
            "awaitc: no running event loop (use awaitc::run)");
}

TEST(Misuse, AwaitingAFutureOfAnotherLoop) {
  awaitc::Future<int> fut;
  awaitc::run(coro<void>([&](auto &f) {
    fut.add_done_callback([](awaitc::Future<int>) {}); // binds it here
    f.return_void();
  }));
  std::string what;
  awaitc::run(coro<void>(
      [&, a = Await<awaitc::Future<int> &>()](auto &f) mutable {
        switch (f.state()) {
        case 0:
          try {
            if (f.await(1, a, fut))
              return;
          } catch (const std::logic_error &e) {
            what = e.what();
          }
          f.return_void();
          return;
        case 1:
          f.return_void();
        }
      }));
  EXPECT_EQ(what,
            "awaitc::Future: awaited from another event loop than its own");
}

} // namespace
