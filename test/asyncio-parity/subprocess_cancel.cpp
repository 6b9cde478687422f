// Cancelling a task that waits on a child process: in wait() (the child
// lives on, and a later wait() gets its exit status), and in a read of its
// stdout (what the child writes later is there for the next read); wait_for
// around communicate() times out and leaves the child running until it is
// killed. Python: subprocess_cancel.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <optional>
#include <string>
#include <utility>

static const char *py(bool b) { return b ? "True" : "False"; }

static std::string repr(const std::string &s) {
  std::string out = "b'";
  for (char c : s)
    out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out + "'";
}

static std::string show(const std::optional<int> &returncode) {
  return returncode ? std::to_string(*returncode) : "None";
}

template <class T>
AWAITC_ASYNC awaitc::Coro<void> cancel_soon(std::string label,
                                            awaitc::Coro<T> coro) {
  awaitc::Task<T> t = awaitc::create_task(std::move(coro));
  for (int i = 0; i < 3; ++i)
    AWAIT(awaitc::sleep(0));
  std::printf("%s: cancel %s\n", label.c_str(), py(t.cancel()));
  try {
    AWAIT(t);
  } catch (const awaitc::CancelledError &) {
    std::printf("%s: cancelled %s\n", label.c_str(), py(t.cancelled()));
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::ProcessOptions in_out;
  in_out.stdin_pipe = in_out.stdout_pipe = true;
  awaitc::Process proc = AWAIT(awaitc::create_subprocess_exec(
      "/bin/sh", {"-c", "read x; echo got $x; read y; exit 3"}, in_out));
  AWAIT(cancel_soon("wait", proc.wait()));
  std::printf("returncode %s\n", show(proc.returncode()).c_str());
  AWAIT(cancel_soon("readline", proc.stdout().readline()));
  proc.stdin().write("hello\n");
  AWAIT(proc.stdin().drain());
  std::string line = AWAIT(proc.stdout().readline());
  std::printf("readline: %s\n", repr(line).c_str());
  proc.stdin().write("bye\n");
  int status = AWAIT(proc.wait());
  std::printf("exit status %d, returncode %s\n", status,
              show(proc.returncode()).c_str());

  awaitc::ProcessOptions out_only;
  out_only.stdout_pipe = true;
  awaitc::Process sleeper = AWAIT(
      awaitc::create_subprocess_exec("/bin/sleep", {"30"}, out_only));
  try {
    AWAIT(awaitc::wait_for(sleeper.communicate(), 0.05));
  } catch (const awaitc::TimeoutError &) {
    std::printf("communicate: TimeoutError, returncode %s\n",
                show(sleeper.returncode()).c_str());
  }
  sleeper.kill();
  int killed = AWAIT(sleeper.wait());
  std::printf("killed: %d\n", killed);
}

int main() { awaitc::run(main_coro()); }
