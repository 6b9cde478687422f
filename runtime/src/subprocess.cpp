//===- subprocess.cpp - create_subprocess_exec and Process ----------------===//
//
// See awaitc/subprocess.h. posix_spawnp starts the child (its errors, such
// as ENOENT, come back from the call itself); pidfd_open gives a descriptor
// that becomes readable when the child exits, watched by the loop like any
// other, so the child is reaped exactly once, by its Process, with no
// SIGCHLD handler to share with the rest of the program.
//
//===----------------------------------------------------------------------===//

#include <awaitc/detail/awaiter_coro.h>
#include <awaitc/detail/os_error.h>
#include <awaitc/detail/poller.h>
#include <awaitc/detail/stream_core.h>
#include <awaitc/gather.h>
#include <awaitc/subprocess.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <optional>

#include <fcntl.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace awaitc {

struct ProcessAccess {
  static Process make(std::shared_ptr<detail::ProcessCore> core) {
    Process process;
    process.core_ = std::move(core);
    return process;
  }
};

namespace detail {

class ProcessCore final : private IoWatcher, private Lingering {
public:
  ProcessCore(pid_t pid, int pidfd) : pid_(pid), pidfd_(pidfd) {
    loop_ = &EventLoop::current();
    if (pidfd_ >= 0) {
      open(pidfd_);
      want_read(true);
    } else {
      poll_timer_ = call_later(0.01, [this] { poll_exit(); });
      poller_of(*loop_).work_begin();
    }
    poller_of(*loop_).linger(*this);
  }
  ~ProcessCore() override {
    if (EventLoop::current_or_null() == loop_) {
      poller_of(*loop_).unlinger(*this);
      if (!returncode_ && pidfd_ < 0)
        poller_of(*loop_).work_end();
    }
    poll_timer_.cancel();
    IoWatcher::close();
    if (pidfd_ >= 0)
      ::close(pidfd_);
    // A child that has exited is reaped; one still running is left alone.
    if (!returncode_)
      ::waitpid(pid_, nullptr, WNOHANG);
  }

  pid_t pid() const noexcept { return pid_; }
  std::optional<int> returncode() const noexcept { return returncode_; }

  std::optional<StreamReader> out, err;
  std::optional<StreamWriter> in;

  // wait(): a future of our own, or none if the exit is known.
  std::optional<Future<int>> exit_waiter() {
    if (returncode_)
      return std::nullopt;
    Future<int> waiter;
    exit_waiters_.push_back(waiter);
    return waiter;
  }

  void send_signal(int signal) {
    if (returncode_)
      return;
    if (::kill(pid_, signal) < 0 && errno != ESRCH)
      throw_os_error(errno, "kill");
  }

private:
  void on_readable() override { poll_exit(); }
  void on_writable() override {}
  void on_loop_closed() noexcept override {
    // The loop closes: the watcher and the timer go with it.
    poll_timer_ = TimerHandle();
    loop_ = nullptr;
  }

  // Reaps the child if it has exited (_process_exited).
  void poll_exit() {
    if (returncode_)
      return;
    int status = 0;
    pid_t result;
    do {
      result = ::waitpid(pid_, &status, WNOHANG);
    } while (result < 0 && errno == EINTR);
    if (result == 0) {
      if (pidfd_ < 0)
        poll_timer_ = call_later(0.01, [this] { poll_exit(); });
      return;
    }
    if (result < 0) // ECHILD: someone else reaped it; asyncio says 255
      returncode_ = 255;
    else if (WIFSIGNALED(status))
      returncode_ = -WTERMSIG(status);
    else
      returncode_ = WEXITSTATUS(status);
    if (pidfd_ >= 0)
      want_read(false);
    else
      poller_of(*loop_).work_end();
    std::vector<Future<int>> waiters = std::move(exit_waiters_);
    for (Future<int> &waiter : waiters)
      if (!waiter.done())
        waiter.set_result(*returncode_);
  }

  pid_t pid_;
  int pidfd_;
  EventLoop *loop_ = nullptr;
  std::optional<int> returncode_;
  std::vector<Future<int>> exit_waiters_;
  TimerHandle poll_timer_;
};

namespace {

// posix_spawnp reports a program it cannot execute, except where it has to
// fall back to fork (valgrind, some kernels): look it up first, as execvp
// would, so that a missing program is an error of the call everywhere.
void check_executable(const std::string &program) {
  auto executable = [](const std::string &path) {
    return ::access(path.c_str(), X_OK) == 0;
  };
  if (program.find('/') != std::string::npos) {
    if (!executable(program))
      throw std::system_error(errno, std::system_category(), program);
    return;
  }
  const char *path = std::getenv("PATH");
  std::string dirs = path ? path : "/bin:/usr/bin";
  std::size_t begin = 0;
  for (;;) {
    const std::size_t end = dirs.find(':', begin);
    std::string dir = dirs.substr(begin, end == std::string::npos
                                             ? std::string::npos
                                             : end - begin);
    if (executable((dir.empty() ? std::string(".") : dir) + "/" + program))
      return;
    if (end == std::string::npos)
      break;
    begin = end + 1;
  }
  throw std::system_error(ENOENT, std::system_category(), program);
}

int open_pidfd(pid_t pid) noexcept {
#ifdef SYS_pidfd_open
  const long fd = ::syscall(SYS_pidfd_open, pid, 0);
  if (fd >= 0) {
    ::fcntl(static_cast<int>(fd), F_SETFD, FD_CLOEXEC);
    return static_cast<int>(fd);
  }
#else
  (void)pid;
#endif
  return -1;
}

void ignore_sigpipe() noexcept {
  struct sigaction current {};
  if (::sigaction(SIGPIPE, nullptr, &current) == 0 &&
      current.sa_handler == SIG_DFL) {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    ::sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, nullptr);
  }
}

struct Pipe {
  int fds[2] = {-1, -1};
  ~Pipe() {
    for (int fd : fds)
      if (fd >= 0)
        ::close(fd);
  }
  void open() {
    if (::pipe2(fds, O_CLOEXEC) < 0)
      throw_os_error(errno, "pipe2");
  }
  int take(int end) noexcept { return std::exchange(fds[end], -1); }
};

std::shared_ptr<ProcessCore> spawn(const std::string &program,
                                   const std::vector<std::string> &args,
                                   const ProcessOptions &options) {
  check_executable(program);
  Pipe in, out, err;
  if (options.stdin_pipe) {
    ignore_sigpipe();
    in.open();
  }
  if (options.stdout_pipe)
    out.open();
  if (options.stderr_pipe)
    err.open();

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  struct Actions {
    posix_spawn_file_actions_t *actions;
    ~Actions() { posix_spawn_file_actions_destroy(actions); }
  } actions_guard{&actions};
  // dup2 clears FD_CLOEXEC on the child's 0, 1, 2; every other descriptor
  // of ours is close-on-exec.
  if (options.stdin_pipe)
    posix_spawn_file_actions_adddup2(&actions, in.fds[0], 0);
  if (options.stdout_pipe)
    posix_spawn_file_actions_adddup2(&actions, out.fds[1], 1);
  if (options.stderr_pipe)
    posix_spawn_file_actions_adddup2(&actions, err.fds[1], 2);

  std::vector<char *> argv;
  argv.push_back(const_cast<char *>(program.c_str()));
  for (const std::string &arg : args)
    argv.push_back(const_cast<char *>(arg.c_str()));
  argv.push_back(nullptr);

  pid_t pid;
  const int error = ::posix_spawnp(&pid, program.c_str(), &actions, nullptr,
                                   argv.data(), environ);
  if (error != 0)
    throw std::system_error(error, std::system_category(), program);

  auto core = std::make_shared<ProcessCore>(pid, open_pidfd(pid));
  const std::size_t limit = options.limit;
  if (options.stdin_pipe) {
    const int fd = in.take(1);
    make_nonblocking(fd);
    auto stream =
        std::make_shared<StreamCore>(fd, StreamCore::Kind::PipeWriter, limit);
    core->in = StreamAccess::writer(StreamHandle::make(stream));
  }
  auto reader = [&](Pipe &pipe) {
    const int fd = pipe.take(0);
    make_nonblocking(fd);
    auto stream =
        std::make_shared<StreamCore>(fd, StreamCore::Kind::PipeReader, limit);
    StreamHandle handle = StreamHandle::make(stream);
    stream->start_reading();
    return StreamAccess::reader(handle);
  };
  if (options.stdout_pipe)
    core->out = reader(out);
  if (options.stderr_pipe)
    core->err = reader(err);
  return core;
}

// create_subprocess_exec: the child starts when the AWAIT begins.
class SpawnAwaiter final {
public:
  SpawnAwaiter(std::string program, std::vector<std::string> args,
               ProcessOptions options)
      : program_(std::move(program)), args_(std::move(args)),
        options_(options) {}
  bool await_ready() { return true; }
  bool await_suspend(Frame &) { return false; }
  Process await_resume() {
    return ProcessAccess::make(spawn(program_, args_, options_));
  }

private:
  std::string program_;
  std::vector<std::string> args_;
  ProcessOptions options_;
};

class WaitAwaiter final {
public:
  explicit WaitAwaiter(std::shared_ptr<ProcessCore> core)
      : core_(std::move(core)) {}
  WaitAwaiter(const WaitAwaiter &) = delete;
  bool await_ready() {
    std::optional<Future<int>> future = core_->exit_waiter();
    if (!future)
      return true;
    inner_.emplace(*future);
    return inner_->await_ready();
  }
  bool await_suspend(Frame &frame) { return inner_->await_suspend(frame); }
  int await_resume() { return inner_ ? inner_->await_resume() : *core_->returncode(); }

private:
  std::shared_ptr<ProcessCore> core_;
  std::optional<FutureAwaiter<int, false>> inner_;
};

// A Coro<std::string> that gives "" at once (a stream that is not piped).
struct EmptyRead {
  bool await_ready() const noexcept { return true; }
  bool await_suspend(Frame &) noexcept { return false; }
  std::string await_resume() const { return std::string(); }
};

Coro<std::string> read_all(std::optional<StreamReader> &reader) {
  if (reader)
    return reader->read(-1);
  return awaiter_coro<std::string, EmptyRead>("communicate");
}

// communicate(input): as asyncio's: feed stdin, gather the reads of stdout
// and stderr, then wait for the exit.
class CommunicateFrame final
    : public CoroFrame<std::pair<std::string, std::string>> {
public:
  CommunicateFrame(std::shared_ptr<ProcessCore> core, std::string input)
      : core_(std::move(core)), input_(std::move(input)) {}

private:
  using Gather = GatherAwaitable<std::string, std::string>;

  void awaitc_step() override {
    switch (awaitc_state_) {
    case awaitc_start:
      if (core_->in) {
        // _feed_stdin: a child that exits without reading is no error.
        try {
          core_->in->write(input_);
          core_->in->close();
        } catch (const ConnectionError &) {
        }
      }
      gather_.emplace(gather(read_all(core_->out), read_all(core_->err)));
      if (awaitc_suspend_at(1, *gather_))
        return;
      [[fallthrough]];
    case 1: {
      std::tuple<std::string, std::string> result = gather_->await_resume();
      gather_.reset();
      out_ = std::move(std::get<0>(result));
      err_ = std::move(std::get<1>(result));
      wait_.emplace(core_);
      if (awaitc_suspend_at(2, *wait_))
        return;
    }
      [[fallthrough]];
    case 2:
      wait_->await_resume();
      wait_.reset();
      awaitc_return_value(std::make_pair(std::move(out_), std::move(err_)));
      return;
    }
  }

  std::shared_ptr<ProcessCore> core_;
  std::string input_;
  std::optional<Gather> gather_;
  std::optional<WaitAwaiter> wait_;
  std::string out_, err_;
};

} // namespace
} // namespace detail

int Process::pid() const noexcept { return core_ ? core_->pid() : -1; }

StreamWriter &Process::stdin() {
  if (!core_ || !core_->in)
    throw std::logic_error("awaitc: the process's stdin is not a pipe");
  return *core_->in;
}

StreamReader &Process::stdout() {
  if (!core_ || !core_->out)
    throw std::logic_error("awaitc: the process's stdout is not a pipe");
  return *core_->out;
}

StreamReader &Process::stderr() {
  if (!core_ || !core_->err)
    throw std::logic_error("awaitc: the process's stderr is not a pipe");
  return *core_->err;
}

Coro<int> Process::wait() {
  return detail::awaiter_coro<int, detail::WaitAwaiter>("Process::wait", core_);
}

Coro<std::pair<std::string, std::string>>
Process::communicate(std::string input) {
  return Coro<std::pair<std::string, std::string>>(
      std::make_unique<detail::CommunicateFrame>(core_, std::move(input)),
      "Process::communicate");
}

std::optional<int> Process::returncode() const noexcept {
  return core_ ? core_->returncode() : std::nullopt;
}

void Process::send_signal(int signal) {
  if (core_)
    core_->send_signal(signal);
}
void Process::terminate() { send_signal(SIGTERM); }
void Process::kill() { send_signal(SIGKILL); }

Coro<Process> create_subprocess_exec(std::string program,
                                     std::vector<std::string> args,
                                     ProcessOptions options) {
  return detail::awaiter_coro<Process, detail::SpawnAwaiter>(
      "create_subprocess_exec", std::move(program), std::move(args), options);
}

} // namespace awaitc
