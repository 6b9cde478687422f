#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

static int slots[3] = {1, 2, 3};
static std::string name = "abc";
AWAITC_ASYNC awaitc::Coro<int &> slot(int i) {
  AWAIT(awaitc::sleep(0));
  return slots[i];
}
AWAITC_ASYNC awaitc::Coro<const std::string &> get_name() {
  AWAIT(awaitc::sleep(0));
  return name;
}
AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  int &r = AWAIT(slot(0));
  AWAIT(awaitc::sleep(0));
  r = 10;
  std::printf("slots[0]=%d same=%d\n", slots[0], &r == &slots[0]);

  AWAIT(slot(1)) = 20;
  AWAIT(slot(2)) += AWAIT(v(30));
  std::printf("slots=%d,%d,%d\n", slots[0], slots[1], slots[2]);

  int *p = &AWAIT(slot(1));
  std::printf("p ok=%d\n", p == &slots[1]);

  const std::string &n = AWAIT(get_name());
  name += "d";
  AWAIT(awaitc::sleep(0));
  std::printf("n=%s same=%d\n", n.c_str(), &n == &name);
  std::size_t len = AWAIT(get_name()).size();
  std::printf("len=%zu\n", len);

  awaitc::Task<int &> t = awaitc::create_task(slot(0));
  int &tr = AWAIT(t);
  tr = 11;
  std::printf("task ref: slots[0]=%d\n", slots[0]);
  AWAIT(t) += 1;
  std::printf("again: slots[0]=%d\n", slots[0]);
  int copy = AWAIT(slot(0));
  copy = 0;
  std::printf("copy: slots[0]=%d copy=%d\n", slots[0], copy);
}

int main() { awaitc::run(main_coro()); }
