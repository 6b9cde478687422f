// Tests of AsyncGeneratorFrame<T>, the frame protocol generated async
// generators follow (awaitc/detail/frame.h): hand-written frames (see
// runtime_frames.h) built as C++17, as generated code is. The body of next()
// runs in the awaiting task's chain, so awaiting deep chains inside it and
// iterating many values keep the C stack flat; a chain destroyed while the
// generator waits leaves the generator to its owner.

#include "runtime_chains.h"
#include "runtime_frames.h"

#include <awaitc/awaitc.h>

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace {

using awaitc::AsyncGenerator;
using awaitc::Coro;
using awaitc_test::Await;
using awaitc_test::Bottom;
using awaitc_test::coro;
using awaitc_test::Log;
using awaitc_test::nested;
using awaitc_test::StackSpan;

// What the tool makes of an async generator, by hand (cf. LambdaFrame).
template <class T, class Body>
class AsyncLambdaFrame final : public awaitc::detail::AsyncGeneratorFrame<T> {
public:
  explicit AsyncLambdaFrame(Body body) : body_(std::move(body)) {}
  int state() const noexcept { return this->awaitc_state_; }
  template <class E, class Expr>
  bool await(int state, Await<E> &slot, Expr &&expr) {
    slot.emplace(std::forward<Expr>(expr));
    return this->awaitc_suspend_at(state, *slot);
  }
  void yield(int state, T &value) { this->awaitc_yield_at(state, value); }

private:
  void awaitc_step() override { body_(*this); }
  Body body_;
};

template <class T, class Body> AsyncGenerator<T> agen(Body body) {
  return AsyncGenerator<T>(
      std::make_unique<AsyncLambdaFrame<T, Body>>(std::move(body)));
}

// async def values(n, depth):
//     for i in range(n):
//         v = await nested(depth)    # depth frames deep, sleeping at the bottom
//         yield i + v
AsyncGenerator<int> values(int n, int depth, StackSpan *span) {
  return agen<int>([n, depth, span, i = 0, value = 0,
                    child = Await<Coro<int>>()](auto &f) mutable {
    int here = 0;
    span->see(&here);
    switch (f.state()) {
    case 0:
      for (i = 0; i < n; ++i) {
        if (f.await(1, child, nested(depth, Bottom::Sleep, span)))
          return;
        [[fallthrough]];
      case 1:
        value = i + child.resume();
        f.yield(2, value);
        return;
      case 2:;
      }
    }
  });
}

// async def consume(g): total = 0; async for v in g: total += v; return total
Coro<long> consume(AsyncGenerator<int> &g, StackSpan *span) {
  return coro<long>([&g, span, total = 0L,
                     next = Await<awaitc::AsyncNextAwaiter<int>>()](
                        auto &f) mutable {
    int here = 0;
    span->see(&here);
    switch (f.state()) {
    case 0:
      for (;;) {
        if (f.await(1, next, g.next()))
          return;
        [[fallthrough]];
      case 1:
        std::optional<int> v = next.resume();
        if (!v)
          break;
        total += *v;
      }
      f.return_value(total);
    }
  });
}

TEST(AsyncGeneratorFrame, ManyValuesAndDeepAwaitsKeepTheStackFlat) {
  StackSpan span;
  // Small enough for the valgrind run of the runtime tests.
  AsyncGenerator<int> g = values(500, 50, &span);
  long expected = 0;
  for (int i = 0; i < 500; ++i)
    expected += i + 50;
  EXPECT_EQ(awaitc::run(consume(g, &span)), expected);
  EXPECT_TRUE(g.done());
  EXPECT_LT(span.size(), 16u * 1024) << "next() grew the C stack";
}

// A generator waiting inside next(), 100 frames deep, when the chain that
// awaits it is destroyed (a task destroyed while suspended): the chain
// detaches the generator instead of deleting it, and the generator's owner
// destroys it, with the frames it awaits, afterwards, once.
TEST(AsyncGeneratorFrame, ADestroyedChainLeavesTheGeneratorToItsOwner) {
  Log log;
  struct Noisy {
    explicit Noisy(Log *to) : log(to) {}
    Noisy(const Noisy &) = delete;
    ~Noisy() { (*log)("gen locals"); }
    Log *log;
  };
  StackSpan span;
  {
    AsyncGenerator<int> g = agen<int>(
        [noisy = std::make_shared<Noisy>(&log),
         child = Await<Coro<int>>()](auto &f) mutable {
          switch (f.state()) {
          case 0:
            if (f.await(1, child, nested(100, Bottom::Forever)))
              return;
            [[fallthrough]];
          case 1:
            child.resume();
          }
        });
    {
      Coro<long> c = consume(g, &span);
      c.frame()->awaitc_resume(); // consumer -> next() -> 100 frames deep
      EXPECT_FALSE(c.done());
      EXPECT_FALSE(g.done());
      log("chain destroyed");
    }
    log("owner drops it");
  }
  EXPECT_EQ(log.str(), "chain destroyed owner drops it gen locals");
}

} // namespace
