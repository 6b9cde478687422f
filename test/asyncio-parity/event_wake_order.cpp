// Event.set() wakes the waiters in the order they began to wait, each one
// loop iteration later; a ticker shows the iterations. Python: event_wake_order.py
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

AWAITC_ASYNC awaitc::Coro<void> waiter(awaitc::Event &ev, std::string name) {
  std::printf("%s waits\n", name.c_str());
  bool r = AWAIT(ev.wait());
  std::printf("%s woke (%s), set=%s\n", name.c_str(), r ? "True" : "False",
              ev.is_set() ? "True" : "False");
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Event ev;
  awaitc::Task<void> t = awaitc::create_task(ticker(5));
  std::vector<awaitc::Task<void>> ws;
  for (const char *n : {"a", "b", "c"})
    ws.push_back(awaitc::create_task(waiter(ev, n)));
  AWAIT(awaitc::sleep(0));
  std::printf("setting\n");
  ev.set();
  ev.set(); // no effect
  std::printf("set returned\n");
  AWAIT(awaitc::gather(ws));
  std::printf("late waiter:\n");
  AWAIT(waiter(ev, "d"));
  AWAIT(t);
}

int main() { awaitc::run(main_coro()); }
