// awaitc/subprocess.h - create_subprocess_exec() and Process, as asyncio's.
//
//   awaitc::ProcessOptions opts;
//   opts.stdin_pipe = opts.stdout_pipe = true;
//   awaitc::Process p =
//       AWAIT(awaitc::create_subprocess_exec("/bin/cat", {}, opts));
//   auto [out, err] = AWAIT(p.communicate("hello\n"));   // out == "hello\n"
//   int status = *p.returncode();                        // 0
//
// create_subprocess_exec(program, {args...}, opts) starts `program` (looked
// up on PATH when it has no slash, as execvp) with argv = program, args...;
// a program that cannot be started throws std::system_error (ENOENT...).
// Each of stdin/stdout/stderr is a pipe when its option is set (else the
// child inherits the parent's): p.stdin() is then a StreamWriter,
// p.stdout() and p.stderr() StreamReaders, with streams.h's semantics;
// asking for one that is not a pipe throws std::logic_error.
//
//   wait()          the exit status: the exit code, or minus the number of
//                   the signal that killed it (asyncio's returncode)
//   communicate(in) writes `in` to stdin and closes it (when stdin is a
//                   pipe; asyncio closes it only when given input), reads
//                   stdout and stderr to EOF at the same time, waits for the
//                   exit; returns (out, err), "" for a stream not piped
//   returncode()    the status once the exit has been seen, else empty
//   send_signal(s), terminate() (SIGTERM), kill() (SIGKILL): no effect once
//                   the exit has been seen
//
// The child is reaped without races and without a SIGCHLD handler: the loop
// watches a pidfd (Linux 5.3+) of the child in its epoll set, and reaps the
// child when it becomes readable; on a kernel without pidfd_open, the loop
// polls the child every 10 ms instead. While a child runs, run() waits for
// it rather than report a deadlock. A Process whose last handle goes while
// the child runs leaves the child running, unreaped until the loop closes;
// the loop reaps what has exited when it closes and does not wait for the
// rest.
//
// Writing to a pipe whose reader is gone raises SIGPIPE, which would end the
// whole program: the first subprocess with a stdin pipe sets SIGPIPE to be
// ignored if it has its default action (as the Python interpreter does at
// start), so that the write fails with BrokenPipeError instead.
#pragma once

#include <awaitc/coro.h>
#include <awaitc/streams.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace awaitc {

namespace detail {
class ProcessCore;
}

struct ProcessOptions {
  bool stdin_pipe = false;
  bool stdout_pipe = false;
  bool stderr_pipe = false;
  // The buffer limit of the stdout and stderr readers.
  std::size_t limit = kDefaultStreamLimit;
};

class Process {
public:
  int pid() const noexcept;
  StreamWriter &stdin();
  StreamReader &stdout();
  StreamReader &stderr();

  Coro<int> wait();
  Coro<std::pair<std::string, std::string>> communicate(std::string input = "");
  std::optional<int> returncode() const noexcept;

  void send_signal(int signal);
  void terminate();
  void kill();

private:
  friend struct ProcessAccess;
  std::shared_ptr<detail::ProcessCore> core_;
};

Coro<Process> create_subprocess_exec(std::string program,
                                     std::vector<std::string> args = {},
                                     ProcessOptions options = {});

} // namespace awaitc
