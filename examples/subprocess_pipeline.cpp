// Subprocesses: run a command and read its output line by line, feed
// another through stdin with communicate(), and stop a third with a signal.
// Python: subprocess_pipeline.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::ProcessOptions out;
  out.stdout_pipe = true;
  awaitc::Process ls = AWAIT(awaitc::create_subprocess_exec(
      "/bin/sh", {"-c", "printf 'b\\na\\nc\\n'"}, out));
  std::string lines;
  for (;;) {
    std::string line = AWAIT(ls.stdout().readline());
    if (line.empty())
      break;
    std::printf("read line: %s", line.c_str());
    lines += line;
  }
  std::printf("exit status %d\n", AWAIT(ls.wait()));

  awaitc::ProcessOptions both;
  both.stdin_pipe = both.stdout_pipe = true;
  awaitc::Process sort =
      AWAIT(awaitc::create_subprocess_exec("sort", {}, both));
  auto [sorted, ignored] = AWAIT(sort.communicate(lines));
  std::printf("sorted:\n%s", sorted.c_str());

  awaitc::Process sleeper =
      AWAIT(awaitc::create_subprocess_exec("sleep", {"60"}));
  AWAIT(awaitc::sleep(0.05));
  sleeper.terminate();
  std::printf("sleep stopped with %d (minus SIGTERM)\n",
              AWAIT(sleeper.wait()));
}

int main() { awaitc::run(main_coro()); }
