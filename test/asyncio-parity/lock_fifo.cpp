// Lock: FIFO hand-over, one loop iteration per hand-over, and a releaser
// that re-acquires at once queues behind the woken waiter. Python: lock_fifo.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <vector>

AWAITC_ASYNC awaitc::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> worker(awaitc::Lock &lock, std::string name,
                                       int rounds) {
  for (int r = 0; r < rounds; ++r) {
    AWAIT(lock.acquire());
    std::printf("%s has the lock (round %d)\n", name.c_str(), r);
    AWAIT(awaitc::sleep(0));
    std::printf("%s releases\n", name.c_str());
    lock.release();
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Lock lock;
  awaitc::Task<void> t = awaitc::create_task(ticker(12));
  std::vector<awaitc::Task<void>> ws;
  for (const char *n : {"a", "b", "c"})
    ws.push_back(awaitc::create_task(worker(lock, n, 2)));
  AWAIT(awaitc::gather(ws));
  std::printf("locked at the end: %s\n", lock.locked() ? "True" : "False");
  AWAIT(t);
}

int main() { awaitc::run(main_coro()); }
