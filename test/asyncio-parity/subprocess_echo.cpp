// A child's stdout read line by line, its exit status from wait(), and a
// program that does not exist.
// Python: subprocess_echo.py
#include <awaitc/awaitc.h>

#include <cerrno>
#include <cstdio>
#include <string>
#include <system_error>

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::ProcessOptions opts;
  opts.stdout_pipe = true;
  awaitc::Process p = AWAIT(awaitc::create_subprocess_exec(
      "/bin/sh", {"-c", "echo one; echo two; exit 4"}, opts));
  for (;;) {
    std::string line = AWAIT(p.stdout().readline());
    if (line.empty())
      break;
    line.pop_back();
    std::printf("line: %s\n", line.c_str());
  }
  std::printf("at_eof: %s\n", p.stdout().at_eof() ? "True" : "False");
  int status = AWAIT(p.wait());
  std::printf("wait: %d returncode: %d\n", status, *p.returncode());
  awaitc::Process echo = AWAIT(
      awaitc::create_subprocess_exec("/bin/echo", {"hello", "world"}, opts));
  std::string out = AWAIT(echo.stdout().read());
  out.pop_back();
  int rc = AWAIT(echo.wait());
  std::printf("echo: %s rc=%d\n", out.c_str(), rc);
  try {
    AWAIT(awaitc::create_subprocess_exec("/nonexistent/program"));
  } catch (const std::system_error &e) {
    if (e.code().value() == ENOENT)
      std::printf("FileNotFoundError\n");
  }
}

int main() { awaitc::run(main_coro()); }
