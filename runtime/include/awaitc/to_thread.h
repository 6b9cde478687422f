// awaitc/to_thread.h - to_thread(): run a blocking function on a worker
// thread, as asyncio.to_thread.
//
//   std::string page = AWAIT(awaitc::to_thread(read_file, "big.txt"));
//   AWAIT(awaitc::to_thread([] { std::this_thread::sleep_for(1s); }));
//
// to_thread(fn, args...) returns a Coro of fn(args...)'s result (decayed; a
// function returning a reference gives a copy). Nothing happens until it is
// awaited (or given to create_task, gather, wait_for): then fn and copies
// of the arguments go to the loop's worker threads (at most
// min(32, cores + 4), asyncio's default executor; detail/thread_pool.h),
// and the awaiting task waits without blocking the loop. The worker hands
// the result, or the exception fn threw, back through the loop's
// thread-safe path (call_soon_threadsafe's): the task resumes one loop
// iteration after that callback, as asyncio's wrapped future wakes it, and
// the exception is rethrown at the AWAIT.
//
// Cancelling the awaiting task throws CancelledError at once; a job that no
// worker has taken yet is then never run (asyncio cancels the concurrent
// future), one already running runs to its end and its result is dropped.
// While a job is out, run() waits for it rather than report a deadlock;
// when the loop closes it joins its worker threads.
//
// fn runs on another thread: it must not touch the loop or its objects,
// except through EventLoop::call_soon_threadsafe.
#pragma once

#include <awaitc/coro.h>
#include <awaitc/detail/awaiter_coro.h>
#include <awaitc/detail/task_base.h>
#include <awaitc/detail/thread_pool.h>
#include <awaitc/loop.h>

#include <exception>
#include <functional>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

namespace awaitc {
namespace detail {

template <class R> struct JobResult {
  std::optional<R> value;
  template <class F> void compute(F &&f) { value.emplace(std::forward<F>(f)()); }
  R take() { return std::move(*value); }
};
template <> struct JobResult<void> {
  template <class F> void compute(F &&f) { std::forward<F>(f)(); }
  void take() noexcept {}
};

template <class R, class Fn> class FunctionJob final : public WorkerJob {
public:
  explicit FunctionJob(Fn fn) : fn_(std::move(fn)) {}
  void work() noexcept override {
    try {
      result_.compute(std::move(fn_));
    } catch (...) {
      error_ = std::current_exception();
    }
  }
  R take() {
    if (error_)
      std::rethrow_exception(error_);
    return result_.take();
  }

private:
  Fn fn_;
  JobResult<R> result_;
  std::exception_ptr error_;
};

template <class R, class Fn>
class ToThreadAwaiter final : public Waiter, private JobListener {
public:
  explicit ToThreadAwaiter(Fn fn) : fn_(std::move(fn)) {}
  ToThreadAwaiter(const ToThreadAwaiter &) = delete;
  ~ToThreadAwaiter() {
    if (job_)
      job_->cancel();
  }

  bool await_ready() const noexcept { return false; }
  bool await_suspend(FrameBase &frame) {
    auto job = std::make_unique<FunctionJob<R, Fn>>(std::move(*fn_));
    fn_.reset();
    job->listen(this);
    submit_job(EventLoop::current(), job.get());
    job_ = job.release();
    suspend(frame);
    return true;
  }
  R await_resume() {
    resume_or_throw();
    if (error_)
      std::rethrow_exception(error_);
    return result_.take();
  }

private:
  void on_job_done() noexcept override {
    try {
      result_.compute([this]() -> R { return job_->take(); });
    } catch (...) {
      error_ = std::current_exception();
    }
    job_ = nullptr;
    wake();
  }
  bool cancel() noexcept override {
    if (!job_)
      return false; // the result is on its way
    job_->cancel();
    job_ = nullptr;
    wake_cancelled();
    return true;
  }

  std::optional<Fn> fn_;
  FunctionJob<R, Fn> *job_ = nullptr; // out on a worker thread
  JobResult<R> result_;
  std::exception_ptr error_;
};

template <class F, class... Args> struct BoundCall {
  F f;
  std::tuple<Args...> args;
  decltype(auto) operator()() { return std::apply(std::move(f), std::move(args)); }
};

} // namespace detail

template <class F, class... Args>
auto to_thread(F &&fn, Args &&...args)
    -> Coro<std::decay_t<std::invoke_result_t<std::decay_t<F>,
                                              std::decay_t<Args>...>>> {
  using R = std::decay_t<
      std::invoke_result_t<std::decay_t<F>, std::decay_t<Args>...>>;
  using Call = detail::BoundCall<std::decay_t<F>, std::decay_t<Args>...>;
  return detail::awaiter_coro<R, detail::ToThreadAwaiter<R, Call>>(
      "to_thread",
      Call{std::forward<F>(fn),
           std::tuple<std::decay_t<Args>...>(std::forward<Args>(args)...)});
}

} // namespace awaitc
