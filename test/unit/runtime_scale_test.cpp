// The runtime at scale: a million concurrent tasks (memory back to where it
// was), a million AWAITs in a row, a million-deep chain of frames awaiting
// each other (returning, throwing, sleeping, cancelled, destroyed while
// suspended). Built twice, at -O0 and at -O2 (test/unit/CMakeLists.txt);
// not run under valgrind, which would take minutes; run in the sanitizer
// build like every unit test.

#include "runtime_chains.h"
#include "runtime_frames.h"

#include <awaitc/awaitc.h>

#include <gtest/gtest.h>

#include <cstddef>
#include <stdexcept>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define AWAITC_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AWAITC_TEST_ASAN 1
#endif
#endif

#ifdef AWAITC_TEST_ASAN
// From <sanitizer/allocator_interface.h>, which g++'s installation may lack.
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#else
#include <malloc.h>
#endif

namespace {

using awaitc::Coro;
using awaitc::SleepAwaiter;
using awaitc::Task;
using awaitc_test::Await;
using awaitc_test::Bottom;
using awaitc_test::coro;
using awaitc_test::Forever;
using awaitc_test::nested;
using awaitc_test::StackSpan;

// A million; a tenth of that under AddressSanitizer, whose allocator and
// exception unwinding make a million-deep throw take minutes (still ten
// times the depth at which the old protocol overflowed the stack).
#ifdef AWAITC_TEST_ASAN
constexpr int kMillion = 100000;
#else
constexpr int kMillion = 1000000;
#endif

// Bytes of heap in use (AddressSanitizer has its own allocator).
long long heap_in_use() {
#ifdef AWAITC_TEST_ASAN
  return static_cast<long long>(__sanitizer_get_current_allocated_bytes());
#else
  return static_cast<long long>(mallinfo2().uordblks);
#endif
}

// async def sleeper(): await asyncio.sleep(0); return 1
Coro<int> sleeper() {
  return coro<int>([s = Await<SleepAwaiter>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      if (f.await(1, s, awaitc::sleep(0)))
        return;
      [[fallthrough]];
    case 1:
      s.resume();
      f.return_value(1);
    }
  });
}

// async def main(n):
//     tasks = [asyncio.create_task(sleeper()) for _ in range(n)]
//     return sum([await t for t in tasks])
int run_concurrent_tasks(int n) {
  return awaitc::run(coro<int>([n, i = 0, sum = 0, tasks = std::vector<Task<int>>(),
                                a = Await<Task<int> &>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      tasks.reserve(static_cast<std::size_t>(n));
      for (i = 0; i < n; ++i)
        tasks.push_back(awaitc::create_task(sleeper()));
      for (i = 0; i < n; ++i) {
        if (f.await(1, a, tasks[static_cast<std::size_t>(i)]))
          return;
        [[fallthrough]];
      case 1:
        sum += a.resume();
      }
      f.return_value(sum);
    }
  }));
}

// Every task, its frame, the loop's queues and the handles are freed: the
// heap is back to the byte where it was. A warm-up run first makes what the
// C++ library and the C library allocate once per process or thread (the
// exception-handling pool, malloc's per-thread cache, gtest's own state)
// happen before the measurement; the slack left covers only such one-time
// allocations, independent of the number of tasks (a leak of even one byte
// per task would be a megabyte).
TEST(Scale, AMillionConcurrentTasksGiveTheirMemoryBack) {
  ASSERT_EQ(run_concurrent_tasks(1000), 1000);
  const long long before = heap_in_use();
  ASSERT_EQ(run_concurrent_tasks(kMillion), kMillion);
  const long long after = heap_in_use();
  EXPECT_LE(after - before, 1024) << "bytes still allocated";
}

// async def one(): return 1
// async def main(): return sum([await one() for _ in range(n)])
TEST(Scale, AMillionAwaitsInARow) {
  auto one = [] { return coro<int>([](auto &f) { f.return_value(1); }); };
  int total = awaitc::run(coro<int>([&one, i = 0, sum = 0,
                                     a = Await<Coro<int>>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      for (i = 0; i < kMillion; ++i) {
        if (f.await(1, a, one()))
          return;
        [[fallthrough]];
      case 1:
        sum += a.resume();
      }
      f.return_value(sum);
    }
  }));
  EXPECT_EQ(total, kMillion);
}

TEST(Scale, AMillionDeepChainReturns) {
  StackSpan span;
  EXPECT_EQ(awaitc::run(nested(kMillion, Bottom::Return, &span)), kMillion);
  EXPECT_LT(span.size(), 16u * 1024);
}

TEST(Scale, AMillionDeepChainSuspendedAtTheBottomResumes) {
  EXPECT_EQ(awaitc::run(nested(kMillion, Bottom::Sleep)), kMillion);
}

TEST(Scale, AMillionDeepChainThrowsFromTheBottomToTheTop) {
  bool caught = false;
  awaitc::run(coro<void>([&caught, a = Await<Coro<int>>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      if (f.await(1, a, nested(kMillion, Bottom::Throw)))
        return;
      [[fallthrough]];
    case 1:
      try {
        a.resume();
      } catch (const std::runtime_error &) {
        caught = true;
      }
      f.return_void();
    }
  }));
  EXPECT_TRUE(caught);
}

TEST(Scale, AMillionDeepChainCancelledAtTheBottom) {
  bool cancelled = false;
  awaitc::run(coro<void>([&cancelled, t = Task<int>(), s = Await<SleepAwaiter>(),
                          w = Await<Task<int> &>()](auto &f) mutable {
    switch (f.state()) {
    case 0:
      t = awaitc::create_task(nested(kMillion, Bottom::LongSleep));
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
      try {
        w.resume();
      } catch (const awaitc::CancelledError &) {
        cancelled = t.cancelled();
      }
      f.return_void();
    }
  }),
              awaitc_test::virtual_time());
  EXPECT_TRUE(cancelled);
}

// Each frame owns the frame it awaits: destroying the chain through nested
// destructors would recurse a million times.
TEST(Scale, AMillionDeepSuspendedChainIsDestroyed) {
  Coro<int> chain = nested(kMillion, Bottom::Forever);
  chain.frame()->awaitc_resume();
  ASSERT_FALSE(chain.done());
  chain = Coro<int>();
  EXPECT_FALSE(chain.valid());
}

} // namespace
