// Queue misuse and the non-waiting calls: QueueEmpty, QueueFull, task_done()
// too often, join() with nothing unfinished, and maxsize <= 0 unbounded.
// Python: queue_errors.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>

static const char *py(bool b) { return b ? "True" : "False"; }

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Queue<int> q(1);
  try {
    q.get_nowait();
  } catch (const awaitc::QueueEmpty &) {
    std::printf("get_nowait on empty: QueueEmpty\n");
  }
  q.put_nowait(5);
  try {
    q.put_nowait(6);
  } catch (const awaitc::QueueFull &) {
    std::printf("put_nowait on full: QueueFull\n");
  }
  std::printf("qsize %zu full %s maxsize %ld\n", q.qsize(), py(q.full()),
              q.maxsize());
  int got = AWAIT(q.get());
  std::printf("got %d\n", got);
  q.task_done();
  try {
    q.task_done();
  } catch (const std::invalid_argument &) {
    std::printf("task_done too often: ValueError\n");
  }
  AWAIT(q.join());
  std::printf("join with nothing unfinished returns at once\n");
  awaitc::Queue<int> u(0);
  for (int i = 0; i < 1000; ++i)
    u.put_nowait(i);
  std::printf("unbounded: qsize %zu full %s\n", u.qsize(), py(u.full()));
  awaitc::Queue<int> n(-3);
  n.put_nowait(1);
  std::printf("negative maxsize: full %s\n", py(n.full()));
}

int main() { awaitc::run(main_coro()); }
