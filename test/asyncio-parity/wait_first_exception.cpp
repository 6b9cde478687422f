// wait(FirstException): a cancelled task does not count as an exception; the
// wait returns at the first real exception, or when all are done; a timeout
// returns with the rest pending (virtual clock). Python: wait_first_exception.py
#include <awaitc/awaitc.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct Boom : std::runtime_error {
  Boom() : std::runtime_error("Boom") {}
};

using Tasks = std::vector<awaitc::Task<double>>;

AWAITC_ASYNC awaitc::Coro<double> job(double delay, bool fail = false) {
  AWAIT(awaitc::sleep(delay));
  if (fail)
    throw Boom();
  return delay;
}

static std::vector<std::pair<awaitc::Task<double>, std::string>> order;

static std::string name_of(const awaitc::Task<double> &t) {
  for (const auto &entry : order)
    if (entry.first == t)
      return entry.second;
  return "?";
}

static std::string names(const Tasks &ts) {
  std::vector<std::string> n;
  for (const auto &t : ts)
    n.push_back("'" + name_of(t) + "'");
  std::sort(n.begin(), n.end());
  std::string s = "[";
  for (std::size_t i = 0; i < n.size(); ++i)
    s += (i ? ", " : "") + n[i];
  return s + "]";
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<double> a = awaitc::create_task(job(1.0));
  awaitc::Task<double> b = awaitc::create_task(job(5.0));
  awaitc::Task<double> c = awaitc::create_task(job(2.0, true));
  order = {{a, "a"}, {b, "b"}, {c, "c"}};
  awaitc::call_later(0.5, [b]() mutable { b.cancel(); });
  auto r = AWAIT(awaitc::wait(Tasks{a, b, c},
                              awaitc::ReturnWhen::FirstException));
  std::printf("%.2f done %s pending %s\n", awaitc::loop_time(),
              names(r.done).c_str(), names(r.pending).c_str());
  awaitc::Task<double> d = awaitc::create_task(job(1.0));
  awaitc::Task<double> e = awaitc::create_task(job(3.0));
  order.push_back({d, "d"});
  order.push_back({e, "e"});
  auto r2 = AWAIT(awaitc::wait(Tasks{d, e},
                               awaitc::ReturnWhen::FirstException, 2.0));
  std::printf("%.2f done %s pending %s\n", awaitc::loop_time(),
              names(r2.done).c_str(), names(r2.pending).c_str());
  auto r3 = AWAIT(awaitc::wait(Tasks{d, e},
                               awaitc::ReturnWhen::FirstException));
  std::printf("%.2f done %s pending %s\n", awaitc::loop_time(),
              names(r3.done).c_str(), names(r3.pending).c_str());
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
