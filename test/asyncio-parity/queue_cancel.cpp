// Cancelled Queue getters and putters lose nothing: a getter cancelled after
// put_nowait() woke it passes the wake-up to the next getter; a woken getter
// whose item was taken by get_nowait() waits again, at the back.
// Python: queue_cancel.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <map>
#include <string>

AWAITC_ASYNC awaitc::Coro<void> getter(awaitc::Queue<int> &q,
                                       std::string name) {
  int item = 0;
  try {
    item = AWAIT(q.get());
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled, qsize %zu\n", name.c_str(), q.qsize());
    throw;
  }
  std::printf("%s got %d\n", name.c_str(), item);
}

AWAITC_ASYNC awaitc::Coro<void> putter(awaitc::Queue<std::string> &q,
                                       std::string name, std::string item) {
  try {
    AWAIT(q.put(item));
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled, qsize %zu\n", name.c_str(), q.qsize());
    throw;
  }
  std::printf("%s put %s\n", name.c_str(), item.c_str());
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Queue<int> q;
  std::map<std::string, awaitc::Task<void>> g;
  for (const char *n : {"a", "b", "c", "d"})
    g[n] = awaitc::create_task(getter(q, n));
  AWAIT(awaitc::sleep(0));
  g["b"].cancel(); // waiting, not woken
  q.put_nowait(1); // wakes a
  g["a"].cancel(); // woken, not resumed: c is woken instead
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  std::printf("qsize %zu\n", q.qsize());
  q.put_nowait(2); // wakes d
  std::printf("stolen: %d\n", q.get_nowait()); // d finds it empty: waits again
  AWAIT(awaitc::sleep(0));
  q.put_nowait(3);
  AWAIT(g["d"]);

  awaitc::Queue<std::string> full(1);
  full.put_nowait("x");
  std::map<std::string, awaitc::Task<void>> p;
  for (const char *n : {"p", "q", "r"})
    p[n] = awaitc::create_task(putter(full, n, n));
  AWAIT(awaitc::sleep(0));
  p["q"].cancel();
  std::printf("got %s\n", full.get_nowait().c_str()); // wakes p
  p["p"].cancel(); // woken, not resumed: r is woken
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  std::string held = full.get_nowait();
  std::printf("full holds %s, qsize %zu\n", held.c_str(), full.qsize());
}

int main() { awaitc::run(main_coro()); }
