// Semaphore: a waiter cancelled after release() handed it the unit gives the
// unit back to the next waiter; one cancelled while queued takes nothing.
// BoundedSemaphore over-release and a negative initial value are errors.
// Python: semaphore_cancel.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

AWAITC_ASYNC awaitc::Coro<void> taker(awaitc::Semaphore &sem,
                                      std::string name) {
  try {
    AWAIT(sem.acquire());
  } catch (const awaitc::CancelledError &) {
    std::printf("%s cancelled, value=%ld\n", name.c_str(), sem.value());
    throw;
  }
  std::printf("%s acquired, value=%ld\n", name.c_str(), sem.value());
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Semaphore sem(0);
  std::map<std::string, awaitc::Task<void>> ts;
  for (const char *n : {"a", "b", "c", "d"})
    ts[n] = awaitc::create_task(taker(sem, n));
  AWAIT(awaitc::sleep(0));
  std::printf("locked=%s\n", py(sem.locked()));
  ts["b"].cancel();
  sem.release(); // hands the unit to a
  std::printf("after release: value=%ld\n", sem.value());
  ts["a"].cancel(); // a gives it back: c gets it
  AWAIT(awaitc::sleep(0));
  AWAIT(awaitc::sleep(0));
  std::printf("value=%ld locked=%s\n", sem.value(), py(sem.locked()));
  sem.release();
  AWAIT(ts["d"]);
  std::printf("value=%ld locked=%s\n", sem.value(), py(sem.locked()));

  awaitc::BoundedSemaphore bs(1);
  AWAIT(bs.acquire());
  bs.release();
  try {
    bs.release();
  } catch (const std::invalid_argument &) {
    std::printf("bounded over-release: error\n");
  }
  try {
    awaitc::Semaphore negative(-1);
  } catch (const std::invalid_argument &) {
    std::printf("negative semaphore: error\n");
  }
}

int main() { awaitc::run(main_coro()); }
