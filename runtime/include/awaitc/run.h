// awaitc/run.h - run(): the entry point, as asyncio.run.
//
//   int main() { return awaitc::run(main_coro()); }
//
// run(coro) creates this thread's event loop, runs `coro` as a task until it
// finishes and then one more loop iteration (asyncio's stop callback: what
// was ready when the coroutine returned still runs once), then cancels the
// tasks still pending and runs the loop until they have finished, closes the
// loop, and returns the coroutine's value or rethrows its exception. With
// options.virtual_time the loop's clock is virtual: it starts at 0 and jumps
// to the next timer's deadline whenever nothing is ready, so sleeps take no
// real time (for tests). If the coroutine waits for something that can never
// happen (nothing is ready and no timer is left), run() throws
// std::runtime_error instead of hanging.
#pragma once

#include <awaitc/coro.h>
#include <awaitc/loop.h>
#include <awaitc/task.h>

#include <stdexcept>
#include <type_traits>
#include <utility>

namespace awaitc {

// How run() runs the loop.
struct RunOptions {
  // Use a virtual clock that starts at 0 and jumps to the next timer whenever
  // nothing is ready: sleeps take no real time, for reproducible tests.
  bool virtual_time = false;
};

namespace detail {

// asyncio.run_until_complete's done callback: when the main task finishes,
// a stop callback is enqueued, and the loop stops after the iteration that
// runs it; so what was ready when the main task finished still runs once.
class RunStopper final : private DoneCallback, private LoopCallback {
public:
  explicit RunStopper(TaskBase &main_task) noexcept {
    main_task.add_done_callback(*this);
  }
  bool stopping() const noexcept { return stopping_; }

private:
  void on_task_done() noexcept override {
    detail::enqueue(EventLoop::current(), *this);
  }
  void run() override { stopping_ = true; }
  bool stopping_ = false;
};

} // namespace detail

template <class T> T run(Coro<T> coro, RunOptions options = {}) {
  EventLoop loop(options);
  Task<T> main_task = create_task(std::move(coro));
  bool finished;
  {
    detail::RunStopper stopper(*detail::TaskAccess::state(main_task));
    finished = loop.run_until([&] { return stopper.stopping(); });
    finished = finished || main_task.done();
  }
  loop.shutdown();
  if (!finished)
    throw std::runtime_error(
        "awaitc::run: the main coroutine waits for something that can never "
        "happen (no callback is ready and no timer is scheduled)");
  if constexpr (std::is_object_v<T>)
    return std::move(main_task.result());
  else
    return main_task.result();
}

} // namespace awaitc
