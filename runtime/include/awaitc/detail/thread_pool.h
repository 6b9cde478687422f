// awaitc/detail/thread_pool.h - the loop's worker threads (to_thread, name
// resolution), as asyncio's default executor.
//
// A WorkerJob is created on the loop's thread and handed to submit(): a
// worker thread calls work(), then posts the job back to the loop
// (detail/poller.h), where on_loop() tells its listener, if it still has
// one, and deletes the job. While a job is out, the loop counts it as work
// that can end a wait (run() does not report a deadlock). A job whose
// listener gave up before a worker took it (cancel()) is not worked.
//
// At most min(32, cores + 4) threads (asyncio's ThreadPoolExecutor), made
// when a job finds no idle one; they are joined when the loop closes, after
// finishing the jobs already taken.
#pragma once

#include <awaitc/detail/poller.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace awaitc {
namespace detail {

class JobListener {
public:
  // On the loop's thread; the job is deleted right after.
  virtual void on_job_done() noexcept = 0;

protected:
  ~JobListener() = default;
};

class WorkerJob : public ThreadsafeCallback {
public:
  // On a worker thread: do the work, keep the outcome in the job.
  virtual void work() noexcept = 0;

  void listen(JobListener *listener) noexcept { listener_ = listener; }
  // The listener gives up (loop thread): the job is not worked if no worker
  // has taken it yet, and tells no one.
  void cancel() noexcept {
    listener_ = nullptr;
    cancelled_.store(true, std::memory_order_relaxed);
  }
  bool cancelled() const noexcept {
    return cancelled_.load(std::memory_order_relaxed);
  }

private:
  void on_loop() override;
  JobListener *listener_ = nullptr; // touched on the loop's thread only
  std::atomic<bool> cancelled_{false};
};

class ThreadPool {
public:
  explicit ThreadPool(Poller &poller) noexcept : poller_(poller) {}
  ~ThreadPool(); // joins the workers
  ThreadPool(const ThreadPool &) = delete;
  ThreadPool &operator=(const ThreadPool &) = delete;

  void submit(WorkerJob *job);
  std::size_t max_workers() const noexcept;

private:
  void worker() noexcept;

  Poller &poller_;
  std::mutex mutex_;
  std::condition_variable wanted_;
  std::deque<WorkerJob *> jobs_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

// Runs `job` on the loop's worker threads (see above).
void submit_job(EventLoop &loop, WorkerJob *job);

} // namespace detail
} // namespace awaitc
