// asyncio.wait with FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and a
// timeout (virtual clock): when it returns and how it splits done/pending;
// the tasks are never cancelled by it. Python: wait_modes.py
#include <awaitc/awaitc.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct Boom : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using Tasks = std::vector<awaitc::Task<std::string>>;

AWAITC_ASYNC awaitc::Coro<std::string> job(std::string name, double delay,
                                           bool fail = false) {
  AWAIT(awaitc::sleep(delay));
  if (fail)
    throw Boom(name);
  return name;
}

static std::string names(const Tasks &part, const Tasks &all) {
  std::vector<int> idx;
  for (const auto &t : part)
    idx.push_back(int(std::find(all.begin(), all.end(), t) - all.begin()));
  std::sort(idx.begin(), idx.end());
  std::string s = "[";
  for (std::size_t i = 0; i < idx.size(); ++i)
    s += (i ? ", " : "") + std::to_string(idx[i]);
  return s + "]";
}

static Tasks make() {
  Tasks ts;
  ts.push_back(awaitc::create_task(job("a", 1.0)));
  ts.push_back(awaitc::create_task(job("b", 0.5, true)));
  ts.push_back(awaitc::create_task(job("c", 2.0)));
  return ts;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::vector<std::pair<awaitc::ReturnWhen, const char *>> modes = {
      {awaitc::ReturnWhen::FirstCompleted, "FIRST_COMPLETED"},
      {awaitc::ReturnWhen::FirstException, "FIRST_EXCEPTION"},
      {awaitc::ReturnWhen::AllCompleted, "ALL_COMPLETED"}};
  for (auto &mode : modes) {
    double start = awaitc::loop_time();
    Tasks ts = make();
    awaitc::WaitResult<std::string> r = AWAIT(awaitc::wait(ts, mode.first));
    std::printf("%s: after %.2f done %s pending %s\n", mode.second,
                awaitc::loop_time() - start, names(r.done, ts).c_str(),
                names(r.pending, ts).c_str());
    for (auto &t : ts) {
      try {
        AWAIT(t);
      } catch (const Boom &) {
      }
    }
  }

  double start = awaitc::loop_time();
  Tasks ts = make();
  auto [done, pending] = AWAIT(
      awaitc::wait(ts, awaitc::ReturnWhen::AllCompleted, 0.75));
  std::printf("timeout 0.75: after %.2f done %s pending %s\n",
              awaitc::loop_time() - start, names(done, ts).c_str(),
              names(pending, ts).c_str());
  auto r = AWAIT(awaitc::wait(ts, awaitc::ReturnWhen::AllCompleted, 10.0));
  std::printf("timeout 10: after %.2f done %s pending %s\n",
              awaitc::loop_time() - start, names(r.done, ts).c_str(),
              names(r.pending, ts).c_str());
  bool is_boom = false;
  try {
    std::rethrow_exception(ts[1].exception());
  } catch (const Boom &) {
    is_boom = true;
  }
  std::printf("b raised: %s\n", is_boom ? "True" : "False");
  auto all = AWAIT(awaitc::wait(ts));
  std::printf("all done already: after %.2f done %s\n",
              awaitc::loop_time() - start, names(all.done, ts).c_str());
  try {
    AWAIT(awaitc::wait(Tasks{}));
  } catch (const std::invalid_argument &) {
    std::printf("empty: ValueError\n");
  }
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
