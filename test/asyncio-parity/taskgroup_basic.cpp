// TaskGroup: wait for every child (including one created by a child while
// the group waits); the parent resumes one iteration after the last child's
// done callback. Python: taskgroup_basic.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

AWAITC_ASYNC awaitc::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<int> child(std::string name, int hops) {
  for (int i = 0; i < hops; ++i)
    AWAIT(awaitc::sleep(0));
  std::printf("%s ends\n", name.c_str());
  return int(name.size()) * hops;
}

AWAITC_ASYNC awaitc::Coro<void> spawner(awaitc::TaskGroup &tg) {
  AWAIT(awaitc::sleep(0));
  std::printf("spawner adds a task\n");
  tg.create_task(child("late", 3));
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Task<void> t = awaitc::create_task(ticker(12));
  awaitc::TaskGroup tg;
  awaitc::Task<int> a = tg.create_task(child("a", 2));
  awaitc::Task<int> bb = tg.create_task(child("bb", 1));
  tg.create_task(spawner(tg));
  std::printf("body done\n");
  AWAIT(tg.wait());
  std::printf("group done: %d %d\n", a.result(), bb.result());
  {
    awaitc::TaskGroup empty;
    AWAIT(empty.wait());
  }
  std::printf("empty group done\n");
  try {
    tg.create_task(child("x", 0));
  } catch (const std::logic_error &) {
    std::printf("create_task on a finished group: error\n");
  }
  AWAIT(t);
}

int main() { awaitc::run(main_coro()); }
