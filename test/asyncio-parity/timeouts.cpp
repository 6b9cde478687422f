// Timeouts on every kind of wait (wait_for around a coroutine that waits on
// the primitive): the cancelled wait leaves the primitive consistent
// (virtual clock). Python: timeouts.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

template <class T>
AWAITC_ASYNC awaitc::Coro<void> try_wait(std::string label,
                                         awaitc::Coro<T> coro, double timeout) {
  try {
    T r = AWAIT(awaitc::wait_for(std::move(coro), timeout));
    std::printf("%.2f %s: %s\n", awaitc::loop_time(), label.c_str(),
                r.c_str());
  } catch (const awaitc::TimeoutError &) {
    std::printf("%.2f %s: timeout\n", awaitc::loop_time(), label.c_str());
  }
}

AWAITC_ASYNC awaitc::Coro<std::string> get(awaitc::Queue<std::string> &q) {
  std::string item = AWAIT(q.get());
  return item;
}

template <class X> AWAITC_ASYNC awaitc::Coro<std::string> acquire(X &x) {
  AWAIT(x.acquire());
  return std::string("acquired");
}

AWAITC_ASYNC awaitc::Coro<std::string> event_wait(awaitc::Event &ev) {
  AWAIT(ev.wait());
  return std::string("set");
}

AWAITC_ASYNC awaitc::Coro<std::string> cond_wait(awaitc::Condition &cond) {
  AWAIT(cond.acquire());
  try {
    AWAIT(cond.wait());
  } catch (...) {
    std::printf("  cond waiter leaves with the lock: %s\n",
                cond.locked() ? "True" : "False");
    cond.release();
    throw;
  }
  cond.release();
  return std::string("notified");
}

AWAITC_ASYNC awaitc::Coro<std::string>
future_wait(awaitc::Future<std::string> f) {
  std::string v = AWAIT(f);
  return v;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Queue<std::string> q;
  AWAIT(try_wait("queue get", get(q), 1.0));
  awaitc::call_later(0.5, [&q] { q.put_nowait("item"); });
  AWAIT(try_wait("queue get", get(q), 1.0));
  q.put_nowait("kept");
  std::printf("qsize %zu\n", q.qsize());

  awaitc::Lock lock;
  AWAIT(lock.acquire());
  AWAIT(try_wait("lock", acquire(lock), 0.25));
  awaitc::call_later(0.1, [&lock] { lock.release(); });
  AWAIT(try_wait("lock", acquire(lock), 0.25));
  std::printf("locked %s\n", lock.locked() ? "True" : "False");

  awaitc::Semaphore sem(0);
  AWAIT(try_wait("semaphore", acquire(sem), 0.5));
  sem.release();
  AWAIT(try_wait("semaphore", acquire(sem), 0.5));
  std::printf("value %ld\n", sem.value());

  awaitc::Event ev;
  AWAIT(try_wait("event", event_wait(ev), 0.75));
  awaitc::call_later(0.25, [&ev] { ev.set(); });
  AWAIT(try_wait("event", event_wait(ev), 0.75));

  awaitc::Condition cond;
  AWAIT(try_wait("condition", cond_wait(cond), 1.0));
  std::printf("cond locked %s\n", cond.locked() ? "True" : "False");

  awaitc::Future<std::string> f;
  AWAIT(try_wait("future", future_wait(f), 0.5));
  std::printf("future cancelled by the timeout: %s\n",
              f.cancelled() ? "True" : "False");
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
