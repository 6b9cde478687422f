// Many waiters on one Event: all wake in order, in one iteration; a ticker
// shows that the setter goes on before any of them. Python: event_many.py
#include <awaitc/awaitc.h>

#include <algorithm>
#include <cstdio>
#include <vector>

static std::vector<int> woken;

AWAITC_ASYNC awaitc::Coro<void> waiter(awaitc::Event &ev, int i) {
  AWAIT(ev.wait());
  woken.push_back(i);
}

AWAITC_ASYNC awaitc::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d, woken so far %zu\n", i, woken.size());
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Event ev;
  std::vector<awaitc::Task<void>> ws;
  for (int i = 0; i < 2000; ++i)
    ws.push_back(awaitc::create_task(waiter(ev, i)));
  awaitc::Task<void> t = awaitc::create_task(ticker(4));
  AWAIT(awaitc::sleep(0));
  ev.set();
  std::printf("set, woken so far %zu\n", woken.size());
  AWAIT(awaitc::gather(ws));
  std::printf("woken %zu, in order: %s, first %d, last %d\n", woken.size(),
              std::is_sorted(woken.begin(), woken.end()) ? "True" : "False",
              woken.front(), woken.back());
  AWAIT(t);
}

int main() { awaitc::run(main_coro()); }
