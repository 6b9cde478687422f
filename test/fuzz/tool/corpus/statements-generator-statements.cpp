#include "tracer.h"

#include <string>
#include <vector>

AWAITC_GENERATOR awaitc::Generator<int> inner(int n) {
  for (int i = 0; i < n; ++i)
    YIELD(100 + i);
}

AWAITC_GENERATOR awaitc::Generator<int> every_form(int flag) {
  {
    Tracer blk("blk");
    YIELD(1);
  }
  if (flag)
    YIELD(2);
  else
    YIELD(-2);
  if (int k = flag * 3; k > 0) {
    YIELD(k);
  }
  if (Flag f = Flag("flag", flag)) {
    YIELD(f.value() + 3);
  } else {
    YIELD(f.value() - 4);
  }
  for (int i = 5; i < 7; ++i)
    YIELD(i);
  int w = 7;
  while (w < 9)
    YIELD(w++);
  int d = 8;
  do {
    ++d;
    if (d == 10)
      continue;  // evaluates the condition
    YIELD(d);
  } while (d < 11);
  std::vector<int> v = {12, 13};
  for (int x : v)
    YIELD(x);
  for (int x : inner(2))
    YIELD(x);
  switch (flag) {
  case 1:
    YIELD(14);
    [[fallthrough]];
  case 2:
    YIELD(15);
    break;
  default:
    YIELD(-15);
  }
  int g = 16;
loop:
  YIELD(g);
  if (++g < 18)
    goto loop;
  for (int a = 0; a < 3; ++a) {
    for (int b = 0; b < 3; ++b) {
      if (b == 1)
        continue;
      if (b == 2)
        break;
      YIELD(20 + a);
    }
    if (a == 1) {
      Tracer ret("ret");
      YIELD(30);
      return;
    }
  }
  YIELD(-1);  // never reached
}

int main() {
  std::printf("begin\n");
  for (int v : every_form(1))
    std::printf("%d\n", v);
  std::string seen;
  for (int v : every_form(0))
    seen += " " + std::to_string(v);
  std::printf("flag 0:%s\n", seen.c_str());
  print_live();
}
