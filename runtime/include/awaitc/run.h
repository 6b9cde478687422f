// awaitc/run.h - run(): the entry point, as asyncio.run.
//
//   int main() { return awaitc::run(main_coro()); }
//
// run(coro) creates this thread's event loop, runs `coro` as a task until it
// finishes, then cancels the tasks still pending and runs the loop until
// they have finished, closes the loop, and returns the coroutine's value or
// rethrows its exception. With options.virtual_time the loop's clock is
// virtual (see loop.h). If the coroutine waits for something that can never
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

template <class T> T run(Coro<T> coro, RunOptions options = {}) {
  EventLoop loop(options);
  Task<T> main_task = create_task(std::move(coro));
  const bool finished = loop.run_until([&] { return main_task.done(); });
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
