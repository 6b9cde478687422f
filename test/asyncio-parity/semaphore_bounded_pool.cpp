// A BoundedSemaphore limiting a pool of jobs to two at a time, released in
// every path (a job that fails too); virtual clock.
// Python: semaphore_bounded_pool.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

struct Boom : std::runtime_error {
  Boom() : std::runtime_error("Boom") {}
};

AWAITC_ASYNC awaitc::Coro<int> job(awaitc::BoundedSemaphore &sem, int i) {
  AWAIT(sem.acquire());
  try {
    std::printf("%.2f job %d starts\n", awaitc::loop_time(), i);
    AWAIT(awaitc::sleep(0.25 * (i % 3 + 1)));
    if (i == 3)
      throw Boom();
  } catch (...) {
    sem.release();
    throw;
  }
  sem.release();
  return i * 10;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::BoundedSemaphore sem(2);
  std::vector<awaitc::Task<int>> ts;
  for (int i = 0; i < 6; ++i)
    ts.push_back(awaitc::create_task(job(sem, i)));
  for (auto &t : ts) {
    try {
      int r = AWAIT(t);
      std::printf("result %d\n", r);
    } catch (const Boom &) {
      std::printf("job 3 failed\n");
    }
  }
  std::printf("%.2f value %ld\n", awaitc::loop_time(), sem.value());
  try {
    sem.release();
  } catch (const std::invalid_argument &) {
    std::printf("over-release: ValueError\n");
  }
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
