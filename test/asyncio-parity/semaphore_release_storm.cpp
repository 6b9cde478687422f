// Semaphore(0) with eight waiters and a storm of releases in one step: each
// release hands a unit to the next waiter not yet woken, in FIFO order; a
// newcomer arriving during the storm queues behind them (locked() is true
// while uncancelled waiters queue); a woken waiter cancelled before it
// resumes gives its unit on; the counter at each step. Python:
// semaphore_release_storm.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

static const char *py(bool b) { return b ? "True" : "False"; }

AWAITC_ASYNC awaitc::Coro<void> worker(awaitc::Semaphore &sem,
                                       std::string name,
                                       std::vector<std::string> &log) {
  try {
    AWAIT(sem.acquire());
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled, value %d\n", name.c_str(), (int)sem.value());
    throw;
  }
  log.push_back(name);
  std::printf("%s acquired, value %d\n", name.c_str(), (int)sem.value());
}

static void print_names(const char *label,
                        const std::vector<std::string> &names) {
  std::printf("%s [", label);
  for (std::size_t i = 0; i < names.size(); ++i)
    std::printf("%s'%s'", i ? ", " : "", names[i].c_str());
  std::printf("]");
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Semaphore sem(0);
  std::vector<std::string> log;
  std::vector<std::pair<std::string, awaitc::Task<void>>> ws;
  for (int i = 0; i < 8; ++i) {
    std::string name = "w" + std::to_string(i);
    ws.emplace_back(name, awaitc::create_task(worker(sem, name, log)));
  }
  AWAIT(awaitc::sleep(0));
  std::printf("locked %s, value %d\n", py(sem.locked()), (int)sem.value());
  ws[2].second.cancel(); // queued, never woken
  for (int i = 0; i < 5; ++i)
    sem.release();
  std::printf("after 5 releases: value %d, locked %s\n", (int)sem.value(),
              py(sem.locked()));
  ws.emplace_back("late", awaitc::create_task(worker(sem, "late", log)));
  ws[1].second.cancel(); // woken, not resumed: its unit goes on
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  print_names("order", log);
  std::printf(", value %d\n", (int)sem.value());
  for (int i = 0; i < 3; ++i)
    sem.release();
  std::printf("after 3 more: value %d\n", (int)sem.value());
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  print_names("order", log);
  std::printf(", value %d, locked %s\n", (int)sem.value(), py(sem.locked()));
  std::vector<std::string> pending;
  std::vector<awaitc::Task<void>> tasks;
  for (auto &[name, task] : ws) {
    if (!task.done())
      pending.push_back(name);
    tasks.push_back(task);
  }
  print_names("pending", pending);
  std::printf("\n");
  sem.release();
  sem.release();
  // asyncio.gather(..., return_exceptions=True): wait for all, raise nothing
  AWAIT(awaitc::wait(tasks));
  std::printf("all done: value %d, locked %s\n", (int)sem.value(),
              py(sem.locked()));
}

int main() { awaitc::run(main_coro()); }
