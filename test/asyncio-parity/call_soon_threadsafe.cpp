// call_soon_threadsafe from a worker thread: the callbacks run on the loop,
// in the order they were posted, and a future set from one of them wakes
// the task that awaits it.
// Python: call_soon_threadsafe.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::EventLoop &loop = awaitc::EventLoop::current();
  awaitc::Future<std::string> done;
  std::vector<int> seen;
  const std::thread::id loop_thread = std::this_thread::get_id();
  // The future is touched on the loop only: the worker posts a callback.
  awaitc::Future<std::string> *result = &done;
  AWAIT(awaitc::to_thread([&loop, &seen, result, loop_thread] {
    for (int i = 0; i < 3; ++i)
      loop.call_soon_threadsafe([&seen, i] { seen.push_back(i); });
    loop.call_soon_threadsafe([loop_thread] {
      std::printf("on the loop thread: %s\n",
                  std::this_thread::get_id() == loop_thread ? "True"
                                                            : "False");
    });
    loop.call_soon_threadsafe(
        [result] { result->set_result("from the worker"); });
  }));
  std::printf("result: %s\n", AWAIT(done).c_str());
  std::string shown;
  for (int v : seen)
    shown += (shown.empty() ? "" : ", ") + std::to_string(v);
  std::printf("seen: [%s]\n", shown.c_str());
}

int main() { awaitc::run(main_coro()); }
