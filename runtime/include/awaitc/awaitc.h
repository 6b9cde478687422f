// awaitc/awaitc.h - the awaitc source dialect and the whole runtime.
//
// Include this in files that the awaitc tool transforms. It declares the
// annotations and markers that an untransformed body is written with:
//
//   AWAITC_ASYNC awaitc::Coro<int> twice(int x) {
//     AWAIT(awaitc::sleep(0));
//     return 2 * x;
//   }
//   AWAITC_GENERATOR awaitc::Generator<int> count(int n) {
//     for (int i = 0; i < n; ++i) YIELD(i);
//   }
//   AWAITC_ASYNC awaitc::AsyncGenerator<int> ticks(int n) {
//     for (int i = 0; i < n; ++i) { AWAIT(awaitc::sleep(0)); YIELD(i); }
//   }
//   ... for (int v : AWAIT_EACH(ticks(3))) ...   (in an AWAITC_ASYNC body)
//
// The markers expand to calls of declared-only helpers whose types are the
// awaited and yielded types, so Clang and clangd parse and type-check the
// untransformed source (give clangd `-Wno-return-mismatch`, see
// docs/language.md). Compiling an untransformed body fails with a message
// that says to run awaitc.
#pragma once

// Exceptions carry cancellation (CancelledError) and failures through AWAIT,
// as in asyncio; without them awaitc cannot keep its semantics, so it says
// so rather than miscompile (docs/language.md, "-fno-exceptions").
#if !defined(__cpp_exceptions) && !defined(__EXCEPTIONS)
#error "awaitc needs C++ exceptions: compile with exceptions enabled (remove -fno-exceptions)"
#endif

#include <awaitc/async_generator.h>
#include <awaitc/awaitable.h>
#include <awaitc/condition.h>
#include <awaitc/coro.h>
#include <awaitc/errors.h>
#include <awaitc/event.h>
#include <awaitc/future.h>
#include <awaitc/gather.h>
#include <awaitc/generator.h>
#include <awaitc/lock.h>
#include <awaitc/loop.h>
#include <awaitc/queue.h>
#include <awaitc/run.h>
#include <awaitc/semaphore.h>
#include <awaitc/server.h>
#include <awaitc/shield.h>
#include <awaitc/sleep.h>
#include <awaitc/streams.h>
#include <awaitc/subprocess.h>
#include <awaitc/task.h>
#include <awaitc/task_group.h>
#include <awaitc/to_thread.h>
#include <awaitc/wait.h>
#include <awaitc/wait_for.h>

#if defined(__clang__)
#define AWAITC_ASYNC __attribute__((annotate("awaitc::async")))
#define AWAITC_GENERATOR __attribute__((annotate("awaitc::generator")))
#else
#define AWAITC_ASYNC
#define AWAITC_GENERATOR
#endif

#if defined(__GNUC__) || defined(__clang__)
#define AWAITC_DETAIL_UNTRANSFORMED(marker)                                    \
  __attribute__((error("awaitc: " marker                                       \
                       " used in code that awaitc did not transform; run the " \
                       "awaitc tool on this file (see awaitc_target_sources)")))
#define AWAITC_DETAIL_NOT_AWAITABLE                                            \
  __attribute__((unavailable(                                                  \
      "awaitc: the type in await_<...> is not awaitable; AWAIT takes a Coro, " \
      "a Task, an awaitable of the runtime such as sleep(), an object with "   \
      "await_ready/await_suspend/await_resume, or one for which "             \
      "make_awaiter(x) is found")))
#else
#define AWAITC_DETAIL_UNTRANSFORMED(marker)
#define AWAITC_DETAIL_NOT_AWAITABLE
#endif

namespace awaitc {
namespace markers {
// Declared, never defined: only the awaitc tool gives the markers meaning.
template <class A>
AWAITC_DETAIL_UNTRANSFORMED("AWAIT")
typename detail::checked_await_result<A &&>::type await_(A &&awaitable);

// AWAIT of something that is not awaitable: one error, at the AWAIT, that
// names the type (as the template argument of await_<...>).
template <class A>
AWAITC_DETAIL_NOT_AWAITABLE
std::enable_if_t<!detail::is_awaitable<A &&>::value, detail::not_awaitable>
await_(A &&not_awaitable);

// YIELD(x) returns this from the generator, whose return type checks x
// (awaitc/yield_check.h).
template <class T>
AWAITC_DETAIL_UNTRANSFORMED("YIELD")
yielded<T> yield_(T &&value);

// What `for (decl : AWAIT_EACH(gen))` iterates before awaitc transforms
// it: a range whose elements are the generator's values (lvalues of T, so
// that every form of decl binds as it will to the awaited value).
template <class T> class await_each_range {
public:
  class iterator {
  public:
    T &operator*() const;
    iterator &operator++();
    bool operator!=(const iterator &other) const;
  };
  iterator begin();
  iterator end();
};

template <class T>
AWAITC_DETAIL_UNTRANSFORMED("AWAIT_EACH")
await_each_range<T> await_each_(AsyncGenerator<T> &&generator);
template <class T>
AWAITC_DETAIL_UNTRANSFORMED("AWAIT_EACH")
await_each_range<T> await_each_(AsyncGenerator<T> &generator);
} // namespace markers
} // namespace awaitc

#define AWAITC_AWAIT(...) (::awaitc::markers::await_(__VA_ARGS__))
#define AWAITC_YIELD(...) return ::awaitc::markers::yield_(__VA_ARGS__)
#define AWAITC_AWAIT_EACH(...) (::awaitc::markers::await_each_(__VA_ARGS__))

#ifndef AWAITC_NO_SHORT_NAMES
#define AWAIT(...) AWAITC_AWAIT(__VA_ARGS__)
#define YIELD(...) AWAITC_YIELD(__VA_ARGS__)
#define AWAIT_EACH(...) AWAITC_AWAIT_EACH(__VA_ARGS__)
#endif
