// Writing an awaitable: a one-shot Signal that tasks can wait for, built on
// awaitc::AwaiterBase (awaitc/awaitable.h; docs/runtime.md, "Writing an
// awaitable"). set() wakes every waiting task in the order they began to
// wait; a task cancelled while it waits leaves the signal consistent.
// Python twin: custom_awaitable.py (the same Signal on an asyncio future).
#include <awaitc/awaitc.h>

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

class Signal {
public:
  class Awaiter;

  Signal() = default;
  Signal(const Signal &) = delete;
  Signal &operator=(const Signal &) = delete;

  bool is_set() const { return set_; }
  inline void set();
  inline Awaiter wait();

private:
  bool set_ = false;
  std::vector<Awaiter *> waiters_; // in the order they began to wait
};

class Signal::Awaiter final : public awaitc::AwaiterBase {
public:
  explicit Awaiter(Signal &signal) : signal_(&signal) {}
  Awaiter(const Awaiter &) = default; // before the wait begins only
  ~Awaiter() { leave(); }             // the task was destroyed while waiting

  bool await_ready() const { return signal_->set_; }
  bool await_suspend(awaitc::Frame &frame) {
    suspend(frame);
    signal_->waiters_.push_back(this);
    return true;
  }
  void await_resume() { resume_or_throw(); }

  // Task::cancel() while the task waits here.
  bool cancel() noexcept override {
    if (woken_)
      return false; // set() came first: the task resumes, then is cancelled
    leave();
    wake_cancelled();
    return true;
  }

private:
  friend class Signal;
  void fire() {
    woken_ = true;
    wake();
  }
  void leave() {
    std::vector<Awaiter *> &w = signal_->waiters_;
    w.erase(std::remove(w.begin(), w.end(), this), w.end());
  }

  Signal *signal_;
  bool woken_ = false;
};

void Signal::set() {
  set_ = true;
  for (Awaiter *waiter : std::exchange(waiters_, {}))
    waiter->fire();
}

Signal::Awaiter Signal::wait() { return Awaiter(*this); }

AWAITC_ASYNC awaitc::Coro<void> waiter(Signal &signal, const char *name) {
  std::printf("%s waits\n", name);
  try {
    AWAIT(signal.wait());
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled\n", name);
    throw;
  }
  std::printf("%s woke\n", name);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  Signal signal;
  awaitc::Task<void> a = awaitc::create_task(waiter(signal, "a"));
  awaitc::Task<void> b = awaitc::create_task(waiter(signal, "b"));
  awaitc::Task<void> c = awaitc::create_task(waiter(signal, "c"));
  AWAIT(awaitc::sleep(0)); // all three wait now
  c.cancel();
  AWAIT(awaitc::sleep(0));
  std::printf("c cancelled: %s\n", c.cancelled() ? "True" : "False");
  signal.set();
  std::printf("set\n");
  AWAIT(a);
  AWAIT(b);
  AWAIT(signal.wait()); // set already: returns at once
  std::printf("done\n");
}

int main() { awaitc::run(main_coro()); }
