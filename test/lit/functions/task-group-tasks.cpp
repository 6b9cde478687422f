// What TaskGroup::create_task returns may be discarded, as asyncio's
// `tg.create_task(coro)` so often is (awaitc::create_task's Task stays
// [[nodiscard]]: see diagnostics/forgotten-await.cpp), and is a Task
// everywhere one is taken: kept by `auto` or as a Task<T>, awaited directly
// and through a variable, gathered, under wait_for and shield, in wait()'s
// vector. -Werror and the strict warnings make a discard warning fail.
// Python: Inputs/task-group-tasks.py
// RUN: %run-both %{strict-warnings} --out %t --expect-python %S/Inputs/task-group-tasks.py %s | FileCheck %s
#include <awaitc/awaitc.h>

#include <cstdio>
#include <vector>

AWAITC_ASYNC awaitc::Coro<int> child(int id, int hops) {
  for (int i = 0; i < hops; ++i)
    AWAIT(awaitc::sleep(0));
  std::printf("child %d ends\n", id);
  return id * 10;
}

AWAITC_ASYNC awaitc::Coro<void> side(int id) {
  AWAIT(awaitc::sleep(0));
  std::printf("side %d ends\n", id);
}

template <class T> int value_of(const awaitc::Task<T> &t) { return t.result(); }

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::TaskGroup tg;
  tg.create_task(side(1));
  tg.create_task(child(2, 1));
  auto a = tg.create_task(child(3, 2));
  awaitc::Task<int> b = tg.create_task(child(4, 3));
  int direct = AWAIT(tg.create_task(child(5, 1)));
  std::printf("direct %d\n", direct);
  int through_auto = AWAIT(a);
  std::printf("auto %d\n", through_auto);
  auto c = tg.create_task(child(6, 1));
  auto d = tg.create_task(child(7, 2));
  auto [x, y] = AWAIT(awaitc::gather(c, d));
  std::printf("gather %d %d\n", x, y);
  auto e = tg.create_task(child(8, 1));
  std::printf("wait_for %d\n", AWAIT(awaitc::wait_for(e, 5.0)));
  auto f = tg.create_task(child(9, 1));
  std::printf("shield %d\n", AWAIT(awaitc::shield(f)));
  auto g = tg.create_task(child(11, 1));
  std::vector<awaitc::Task<int>> tasks{g, b};
  auto r = AWAIT(awaitc::wait(tasks));
  std::printf("wait %zu done %zu pending\n", r.done.size(), r.pending.size());
  AWAIT(tg.wait());
  std::printf("group done %d %d\n", value_of(b), value_of<int>(g));
}

int main() { awaitc::run(main_coro()); }

// CHECK: direct 50
// CHECK: group done 40 110
