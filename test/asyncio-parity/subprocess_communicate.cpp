// communicate() with /bin/cat (input through stdin, output back) and with a
// shell writing to both stdout and stderr; then a child killed by signals:
// the return code is minus the signal number.
// Python: subprocess_communicate.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

static std::string repr(const std::string &s) {
  std::string out = "b'";
  for (char c : s)
    out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out + "'";
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::ProcessOptions all;
  all.stdin_pipe = all.stdout_pipe = all.stderr_pipe = true;
  awaitc::Process cat =
      AWAIT(awaitc::create_subprocess_exec("/bin/cat", {}, all));
  auto [out, err] = AWAIT(cat.communicate("through cat\nsecond line\n"));
  std::printf("cat: out=%s err=%s rc=%d\n", repr(out).c_str(),
              repr(err).c_str(), *cat.returncode());
  awaitc::Process sh = AWAIT(awaitc::create_subprocess_exec(
      "/bin/sh", {"-c", "read x; echo got $x; echo warn >&2; exit 2"}, all));
  auto result = AWAIT(sh.communicate("input\n"));
  std::printf("sh: out=%s err=%s rc=%d\n", repr(result.first).c_str(),
              repr(result.second).c_str(), *sh.returncode());
  std::string big(300000, 'x');
  awaitc::ProcessOptions in_out;
  in_out.stdin_pipe = in_out.stdout_pipe = true;
  awaitc::Process copy =
      AWAIT(awaitc::create_subprocess_exec("/bin/cat", {}, in_out));
  auto copied = AWAIT(copy.communicate(big));
  std::printf("big: %zu same=%s\n", copied.first.size(),
              copied.first == big ? "True" : "False");
  awaitc::Process sleeper =
      AWAIT(awaitc::create_subprocess_exec("/bin/sleep", {"30"}));
  std::printf("running: returncode=%s\n",
              sleeper.returncode() ? "?" : "None");
  sleeper.kill();
  std::printf("killed: %d\n", AWAIT(sleeper.wait()));
  awaitc::Process other =
      AWAIT(awaitc::create_subprocess_exec("/bin/sleep", {"30"}));
  other.terminate();
  int status = AWAIT(other.wait());
  std::printf("terminated: %d returncode=%d\n", status, *other.returncode());
}

int main() { awaitc::run(main_coro()); }
