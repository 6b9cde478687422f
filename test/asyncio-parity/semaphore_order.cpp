// Semaphore(2) shared by five workers with different durations (virtual
// clock): who runs when, and the counter as they come and go.
// Python: semaphore_order.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

static const char *py(bool b) { return b ? "True" : "False"; }

AWAITC_ASYNC awaitc::Coro<void> worker(awaitc::Semaphore &sem,
                                       std::string name, double duration) {
  std::printf("%.2f %s wants, locked=%s\n", awaitc::loop_time(), name.c_str(),
              py(sem.locked()));
  AWAIT(sem.acquire());
  std::printf("%.2f %s runs, value=%ld\n", awaitc::loop_time(), name.c_str(),
              sem.value());
  AWAIT(awaitc::sleep(duration));
  sem.release();
  std::printf("%.2f %s done, value=%ld\n", awaitc::loop_time(), name.c_str(),
              sem.value());
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Semaphore sem(2);
  std::vector<awaitc::Task<void>> ts;
  for (auto [n, d] : std::vector<std::pair<const char *, double>>{
           {"a", 1.0}, {"b", 0.5}, {"c", 0.25}, {"d", 2.0}, {"e", 0.5}})
    ts.push_back(awaitc::create_task(worker(sem, n, d)));
  for (awaitc::Task<void> &t : ts)
    AWAIT(t);
  std::printf("value=%ld locked=%s\n", sem.value(), py(sem.locked()));
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
