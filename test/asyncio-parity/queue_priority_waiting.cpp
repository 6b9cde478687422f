// A bounded PriorityQueue of (priority, name) pairs: blocked putters wake in
// FIFO order as a consumer takes the smallest items.
// Python: queue_priority_waiting.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

using Item = std::pair<int, std::string>;

AWAITC_ASYNC awaitc::Coro<void> producer(awaitc::PriorityQueue<Item> &q,
                                         int prio, std::string name) {
  std::printf("put %d %s (full %s)\n", prio, name.c_str(),
              q.full() ? "True" : "False");
  AWAIT(q.put(Item(prio, name)));
  std::printf("put %d %s done\n", prio, name.c_str());
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::PriorityQueue<Item> q(2);
  std::vector<awaitc::Task<void>> ps;
  for (auto &[p, n] : std::vector<Item>{
           {5, "e"}, {1, "a"}, {3, "c"}, {2, "b"}, {4, "d"}})
    ps.push_back(awaitc::create_task(producer(q, p, n)));
  AWAIT(awaitc::sleep(0));
  std::string out;
  for (int i = 0; i < 5; ++i) {
    Item item = AWAIT(q.get());
    std::printf("got %d %s\n", item.first, item.second.c_str());
    out += item.second;
    AWAIT(awaitc::sleep(0));
  }
  AWAIT(awaitc::gather(ps));
  std::printf("%s\n", out.c_str());
}

int main() { awaitc::run(main_coro()); }
