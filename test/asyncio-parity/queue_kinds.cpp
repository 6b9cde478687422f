// PriorityQueue gives the smallest item first, LifoQueue the newest; both
// wake getters as Queue does. Python: queue_kinds.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <vector>

template <class Q>
AWAITC_ASYNC awaitc::Coro<void> drain(Q &q, std::string name, int n) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i) {
    int item = AWAIT(q.get());
    out.push_back(item);
    q.task_done();
  }
  std::printf("%s: [", name.c_str());
  for (std::size_t i = 0; i < out.size(); ++i)
    std::printf("%s%d", i ? ", " : "", out[i]);
  std::printf("]\n");
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::PriorityQueue<int> pq;
  for (int x : {5, 1, 4, 1, 3, 9, 2, 6})
    pq.put_nowait(x);
  AWAIT(drain(pq, "priority", 8));
  awaitc::LifoQueue<int> lq;
  for (int x = 0; x < 5; ++x)
    lq.put_nowait(x);
  AWAIT(drain(lq, "lifo", 5));

  // a waiting getter of a PriorityQueue
  awaitc::PriorityQueue<int> pq2(2);
  awaitc::Task<void> g = awaitc::create_task(drain(pq2, "waited", 4));
  AWAIT(awaitc::sleep(0));
  for (int x : {30, 10, 20, 0}) {
    AWAIT(pq2.put(x));
    std::printf("put %d\n", x);
  }
  AWAIT(g);
  AWAIT(pq2.join());
  std::printf("joined\n");
}

int main() { awaitc::run(main_coro()); }
