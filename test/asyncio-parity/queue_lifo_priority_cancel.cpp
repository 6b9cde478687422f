// LifoQueue and PriorityQueue waiters cancelled: a getter cancelled while
// waiting takes nothing; one cancelled after put_nowait() woke it passes the
// wake-up on and the item stays for the next getter (newest / smallest
// first); a putter blocked on a full queue and cancelled leaves no item.
// Python: queue_lifo_priority_cancel.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <map>
#include <string>

template <class Q>
AWAITC_ASYNC awaitc::Coro<void> getter(Q &q, std::string name) {
  int item = 0;
  try {
    item = AWAIT(q.get());
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled, qsize %zu\n", name.c_str(), q.qsize());
    throw;
  }
  std::printf("%s got %d\n", name.c_str(), item);
}

template <class Q>
AWAITC_ASYNC awaitc::Coro<void> putter(Q &q, std::string name, int item) {
  try {
    AWAIT(q.put(item));
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled, qsize %zu\n", name.c_str(), q.qsize());
    throw;
  }
  std::printf("%s put %d\n", name.c_str(), item);
}

static const char *py(bool b) { return b ? "True" : "False"; }

template <class Q> static void drain(const char *label, Q &q) {
  std::printf("%s left: [", label);
  for (bool first = true; !q.empty(); first = false)
    std::printf("%s%d", first ? "" : ", ", q.get_nowait());
  std::printf("]\n");
}

template <class Q>
AWAITC_ASYNC awaitc::Coro<void> run_getters(const char *label, Q &q) {
  std::printf("-- %s\n", label);
  std::map<std::string, awaitc::Task<void>> g;
  for (const char *n : {"a", "b", "c", "d"})
    g[n] = awaitc::create_task(getter(q, n));
  AWAIT(awaitc::sleep(0));
  g["b"].cancel(); // waiting, never woken
  q.put_nowait(5); // wakes a
  q.put_nowait(3); // wakes c (b, cancelled, is skipped)
  g["a"].cancel(); // woken, not resumed: passes the wake-up to d
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  std::printf("done: [");
  bool first = true;
  for (auto &[name, task] : g)
    if (task.done()) {
      std::printf("%s'%s'", first ? "" : ", ", name.c_str());
      first = false;
    }
  std::printf("]\n");
  q.put_nowait(4);
  q.put_nowait(6);
  drain(label, q);
}

template <class Q>
AWAITC_ASYNC awaitc::Coro<void> run_putters(const char *label, Q &q) {
  std::printf("-- %s full\n", label);
  q.put_nowait(2);
  q.put_nowait(1);
  std::map<std::string, awaitc::Task<void>> p;
  p["p"] = awaitc::create_task(putter(q, "p", 9));
  p["q"] = awaitc::create_task(putter(q, "q", 0));
  p["r"] = awaitc::create_task(putter(q, "r", 7));
  AWAIT(awaitc::sleep(0));
  p["q"].cancel(); // waiting: its 0 never goes in
  std::printf("got %d\n", q.get_nowait()); // wakes p
  p["p"].cancel(); // woken, not resumed: r gets the slot
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  std::printf("full %s, qsize %zu\n", py(q.full()), q.qsize());
  drain(label, q);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::LifoQueue<int> lifo;
  AWAIT(run_getters("lifo", lifo));
  awaitc::PriorityQueue<int> priority;
  AWAIT(run_getters("priority", priority));
  awaitc::LifoQueue<int> lifo2(2);
  AWAIT(run_putters("lifo", lifo2));
  awaitc::PriorityQueue<int> priority2(2);
  AWAIT(run_putters("priority", priority2));
}

int main() { awaitc::run(main_coro()); }
