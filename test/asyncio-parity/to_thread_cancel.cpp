// Cancelling a task that awaits to_thread: CancelledError reaches the task
// while the job, already running on its worker thread, goes on to its end
// (its result is dropped); wait_for around to_thread times out the same
// way; the loop is never blocked meanwhile (the main task awaits the
// threads' events through to_thread too). Python: to_thread_cancel.py
#include <awaitc/awaitc.h>

#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

// Python's threading.Event.
class ThreadEvent {
public:
  void set() {
    std::lock_guard<std::mutex> lock(mutex_);
    set_ = true;
    changed_.notify_all();
  }
  bool is_set() {
    std::lock_guard<std::mutex> lock(mutex_);
    return set_;
  }
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return set_; });
  }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool set_ = false;
};

struct Events {
  ThreadEvent started, release, finished;
};

static std::string job(std::string name, std::shared_ptr<Events> events) {
  events->started.set();
  events->release.wait();
  events->finished.set();
  return name + " result";
}

AWAITC_ASYNC awaitc::Coro<void> waiter(std::string name,
                                       std::shared_ptr<Events> events) {
  try {
    std::string r = AWAIT(awaitc::to_thread(job, name, events));
    std::printf("%s got %s\n", name.c_str(), r.c_str());
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled, job finished: %s\n", name.c_str(),
                py(events->finished.is_set()));
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> wait_started(std::shared_ptr<Events> events) {
  AWAIT(awaitc::to_thread([events] { events->started.wait(); }));
}

AWAITC_ASYNC awaitc::Coro<void> wait_finished(std::shared_ptr<Events> events) {
  AWAIT(awaitc::to_thread([events] { events->finished.wait(); }));
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  auto events = std::make_shared<Events>();
  awaitc::Task<void> t = awaitc::create_task(waiter("first", events));
  AWAIT(wait_started(events)); // the job is running
  std::printf("cancel: %s\n", py(t.cancel()));
  try {
    AWAIT(t);
  } catch (const awaitc::CancelledError &) {
    std::printf("task cancelled: %s\n", py(t.cancelled()));
  }
  events->release.set();
  AWAIT(wait_finished(events));
  std::printf("the job ran to its end: %s\n", py(events->finished.is_set()));

  events = std::make_shared<Events>();
  t = awaitc::create_task(waiter("second", events));
  AWAIT(wait_started(events));
  try {
    AWAIT(awaitc::wait_for(t, 0.05));
  } catch (const awaitc::TimeoutError &) {
    std::printf("wait_for: TimeoutError\n");
  }
  events->release.set();
  AWAIT(wait_finished(events));
  std::printf("the job ran to its end: %s\n", py(events->finished.is_set()));

  events = std::make_shared<Events>();
  events->release.set();
  AWAIT(waiter("third", events));
}

int main() { awaitc::run(main_coro()); }
