// A Lock over time (virtual clock): holders sleep inside the critical
// section, newcomers arrive while it is held and right after a release.
// Python: lock_timeline.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

AWAITC_ASYNC awaitc::Coro<void> user(awaitc::Lock &lock, std::string name,
                                     double arrive, double hold) {
  AWAIT(awaitc::sleep(arrive));
  std::printf("%.2f %s arrives, locked=%s\n", awaitc::loop_time(),
              name.c_str(), lock.locked() ? "True" : "False");
  AWAIT(lock.acquire());
  try {
    std::printf("%.2f %s holds\n", awaitc::loop_time(), name.c_str());
    AWAIT(awaitc::sleep(hold));
  } catch (...) {
    lock.release();
    std::printf("%.2f %s releases\n", awaitc::loop_time(), name.c_str());
    throw;
  }
  lock.release();
  std::printf("%.2f %s releases\n", awaitc::loop_time(), name.c_str());
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Lock lock;
  std::vector<std::tuple<const char *, double, double>> specs = {
      {"a", 0, 1.0},   {"b", 0.25, 0.5}, {"c", 0.5, 0.25},
      {"d", 1.0, 0.5}, {"e", 1.5, 0},    {"f", 3.0, 0.25}};
  std::vector<awaitc::Coro<void>> users;
  for (auto &[name, arrive, hold] : specs)
    users.push_back(user(lock, name, arrive, hold));
  AWAIT(awaitc::gather(std::move(users)));
  std::printf("%.2f locked=%s\n", awaitc::loop_time(),
              lock.locked() ? "True" : "False");
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
