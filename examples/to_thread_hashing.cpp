// to_thread: blocking work (here a slow checksum) runs on worker threads
// while the loop stays responsive: a heartbeat task keeps beating, and the
// results come back in the order they were gathered.
// Python: to_thread_hashing.py
#include <awaitc/awaitc.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

// A deliberately blocking function: it sleeps, then sums the bytes.
static std::uint64_t slow_checksum(std::string data) {
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::uint64_t sum = 0;
  for (char c : data)
    sum = sum * 31 + static_cast<unsigned char>(c);
  return sum % 1000003;
}

AWAITC_ASYNC awaitc::Coro<void> heartbeat(bool *stop, int *beats) {
  while (!*stop) {
    ++*beats;
    AWAIT(awaitc::sleep(0.01));
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  bool stop = false;
  int beats = 0;
  awaitc::Task<void> beating = awaitc::create_task(heartbeat(&stop, &beats));
  std::vector<awaitc::Task<std::uint64_t>> jobs;
  for (const char *word : {"alpha", "beta", "gamma", "delta"})
    jobs.push_back(
        awaitc::create_task(awaitc::to_thread(slow_checksum, std::string(word))));
  std::vector<std::uint64_t> sums = AWAIT(awaitc::gather(jobs));
  for (std::uint64_t sum : sums)
    std::printf("checksum %llu\n", static_cast<unsigned long long>(sum));
  stop = true;
  AWAIT(beating);
  std::printf("the loop kept beating meanwhile: %s\n",
              beats >= 3 ? "True" : "False");
}

int main() { awaitc::run(main_coro()); }
