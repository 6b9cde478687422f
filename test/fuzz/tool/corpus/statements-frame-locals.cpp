#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> frame_members(int param) {
  int across_suspension = param + 1;
  {
    int block_only = 2;  // its block holds no suspension
    std::printf("block_only %d\n", block_only);
  }
  for (int loop_only = 0; loop_only < 1; ++loop_only)
    std::printf("loop_only %d\n", loop_only);
  static int static_local = 7;
  AWAIT(awaitc::sleep(0));
  int after_last_await = across_suspension * 2 + static_local;
  return after_last_await;
}

int main() { std::printf("result %d\n", awaitc::run(frame_members(4))); }
