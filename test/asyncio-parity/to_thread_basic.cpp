// to_thread: results and exceptions come back to the awaiting task; the
// loop goes on meanwhile (a ticker keeps running while a job blocks); jobs
// gathered run at the same time and give their results in order.
// Python: to_thread_basic.py
#include <awaitc/awaitc.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

static int square(int x) { return x * x; }

static int fail() { throw std::invalid_argument("bad input"); }

static std::string blocking(double seconds, std::atomic<bool> *started) {
  *started = true;
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  return "slept";
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::printf("square: %d\n", AWAIT(awaitc::to_thread(square, 7)));
  try {
    AWAIT(awaitc::to_thread(fail));
  } catch (const std::invalid_argument &e) {
    std::printf("error: %s\n", e.what());
  }
  std::vector<awaitc::Task<int>> jobs;
  for (int i = 0; i < 5; ++i)
    jobs.push_back(awaitc::create_task(awaitc::to_thread(square, i)));
  std::vector<int> results = AWAIT(awaitc::gather(jobs));
  std::string shown;
  for (int r : results)
    shown += (shown.empty() ? "" : ", ") + std::to_string(r);
  std::printf("gathered: [%s]\n", shown.c_str());
  std::atomic<bool> started{false};
  awaitc::Task<std::string> job =
      awaitc::create_task(awaitc::to_thread(blocking, 0.2, &started));
  while (!started)
    AWAIT(awaitc::sleep(0.001));
  std::printf("job running, done=%s\n", job.done() ? "True" : "False");
  std::printf("job: %s\n", AWAIT(job).c_str());
  const std::thread::id loop_thread = std::this_thread::get_id();
  bool other = AWAIT(awaitc::to_thread(
      [loop_thread] { return std::this_thread::get_id() != loop_thread; }));
  std::printf("other thread: %s\n", other ? "True" : "False");
}

int main() { awaitc::run(main_coro()); }
