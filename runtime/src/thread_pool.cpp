//===- thread_pool.cpp - the loop's worker threads ------------------------===//
//
// See awaitc/detail/thread_pool.h.
//
//===----------------------------------------------------------------------===//

#include <awaitc/detail/thread_pool.h>

#include <algorithm>

namespace awaitc {
namespace detail {

void WorkerJob::on_loop() {
  poller_of(EventLoop::current()).work_end();
  if (JobListener *listener = listener_) {
    listener_ = nullptr;
    listener->on_job_done();
  }
}

std::size_t ThreadPool::max_workers() const noexcept {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::min<std::size_t>(32, cores + 4);
}

void ThreadPool::submit(WorkerJob *job) {
  std::unique_lock<std::mutex> lock(mutex_);
  jobs_.push_back(job);
  if (idle_ < jobs_.size() && threads_.size() < max_workers()) {
    try {
      threads_.emplace_back([this] { worker(); });
    } catch (...) {
      // The workers there are take the job later.
      if (threads_.empty()) {
        jobs_.pop_back();
        throw;
      }
    }
  }
  lock.unlock();
  wanted_.notify_one();
}

void ThreadPool::worker() noexcept {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    ++idle_;
    wanted_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    --idle_;
    if (jobs_.empty())
      return; // stopping, and nothing left
    WorkerJob *job = jobs_.front();
    jobs_.pop_front();
    lock.unlock();
    if (!job->cancelled())
      job->work();
    poller_.post(job);
    lock.lock();
  }
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wanted_.notify_all();
  for (std::thread &thread : threads_)
    thread.join();
}

void submit_job(EventLoop &loop, WorkerJob *job) {
  Poller &poller = poller_of(loop);
  poller.pool().submit(job);
  poller.work_begin();
}

} // namespace detail
} // namespace awaitc
