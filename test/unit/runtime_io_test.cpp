// Tests of the runtime's I/O: the loop's wait on descriptors and other
// threads (call_soon_threadsafe, to_thread), streams over 127.0.0.1 and
// StreamReaders fed by hand, servers, subprocesses; with their errors and
// misuse. Written in the awaitc dialect: CMake runs the awaitc tool on this
// file before compiling it. The expected behaviour is CPython 3.11's
// asyncio (test/asyncio-parity/ has paired programs for the orders).

#include <awaitc/awaitc.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <cerrno>
#include <csignal>
#include <dirent.h>
#include <netinet/in.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace {

using awaitc::Coro;
using awaitc::StreamReader;
using awaitc::StreamWriter;

int open_descriptors() {
  int count = 0;
  if (DIR *dir = ::opendir("/proc/self/fd")) {
    while (::readdir(dir))
      ++count;
    ::closedir(dir);
  }
  return count;
}

// --- the loop ----------------------------------------------------------------

AWAITC_ASYNC Coro<std::vector<int>> threadsafe_posts() {
  awaitc::EventLoop &loop = awaitc::EventLoop::current();
  std::vector<int> seen;
  awaitc::Future<void> done;
  // A worker thread posts three callbacks; they run on the loop, in order.
  AWAIT(awaitc::to_thread([&loop, &seen, &done] {
    for (int i = 0; i < 3; ++i)
      loop.call_soon_threadsafe([&seen, i] { seen.push_back(i); });
    loop.call_soon_threadsafe([&done] { done.set_result(); });
  }));
  AWAIT(done);
  return seen;
}

TEST(IoLoop, CallSoonThreadsafeRunsPostedCallbacksOnTheLoopInOrder) {
  EXPECT_EQ(awaitc::run(threadsafe_posts()), (std::vector<int>{0, 1, 2}));
}

AWAITC_ASYNC Coro<void> wait_forever() {
  awaitc::Future<int> never;
  AWAIT(never);
}

TEST(IoLoop, NothingAwaitedIsStillADeadlock) {
  EXPECT_THROW(awaitc::run(wait_forever()), std::runtime_error);
}

AWAITC_ASYNC Coro<void> hold(StreamReader reader, StreamWriter) {
  AWAIT(reader.read());
}

AWAITC_ASYNC Coro<double> idle_reader_times_out(double timeout) {
  awaitc::Server server = AWAIT(awaitc::start_server(hold, "127.0.0.1", 0));
  auto conn = AWAIT(awaitc::open_connection("127.0.0.1", server.port()));
  try {
    AWAIT(awaitc::wait_for(conn.first.read(1), timeout));
  } catch (const awaitc::TimeoutError &) {
  }
  return awaitc::loop_time();
}

TEST(IoLoop, VirtualTimeWaitsForAwaitedIOThenJumpsExactly) {
  awaitc::RunOptions options;
  options.virtual_time = true;
  EXPECT_EQ(awaitc::run(idle_reader_times_out(0.05), options), 0.05);
}

AWAITC_ASYNC Coro<double> job_beats_timer() {
  AWAIT(awaitc::wait_for(awaitc::to_thread([] {
                           std::this_thread::sleep_for(
                               std::chrono::milliseconds(20));
                         }),
                         10.0));
  return awaitc::loop_time();
}

TEST(IoLoop, VirtualTimeDoesNotRunAheadOfAThreadsJob) {
  awaitc::RunOptions options;
  options.virtual_time = true;
  EXPECT_EQ(awaitc::run(job_beats_timer(), options), 0.0);
}

// --- StreamReader fed by hand (asyncio's StreamReader() with feed_data) ------

AWAITC_ASYNC Coro<std::string> read_pieces(StreamReader reader) {
  std::string out;
  out += "[" + AWAIT(reader.readline()) + "]";
  out += "[" + AWAIT(reader.readexactly(3)) + "]";
  out += "[" + AWAIT(reader.readuntil("::")) + "]";
  out += "[" + AWAIT(reader.read(2)) + "]";
  out += "[" + AWAIT(reader.read()) + "]";
  out += reader.at_eof() ? "eof" : "more";
  return out;
}

TEST(StreamReader, ReadsWhatWasFedInPieces) {
  EXPECT_EQ(awaitc::run([]() -> Coro<std::string> {
              StreamReader reader;
              reader.feed_data("line\nabcdefg::hij");
              reader.feed_data("klm");
              reader.feed_eof();
              return read_pieces(reader);
            }()),
            "[line\n][abc][defg::][hi][jklm]eof");
}

AWAITC_ASYNC Coro<std::string> feed_later(StreamReader reader) {
  // The reader waits; data fed a step later wakes it.
  awaitc::Task<std::string> line = awaitc::create_task(reader.readline());
  AWAIT(awaitc::sleep(0));
  reader.feed_data("par");
  AWAIT(awaitc::sleep(0));
  reader.feed_data("tial\nrest");
  return AWAIT(line);
}

TEST(StreamReader, AWaitingReadResumesWhenTheDataIsComplete) {
  EXPECT_EQ(awaitc::run(feed_later(StreamReader())), "partial\n");
}

AWAITC_ASYNC Coro<std::string> read_errors() {
  std::string log;
  StreamReader reader(8);
  reader.feed_data("abc");
  reader.feed_eof();
  try {
    AWAIT(reader.readexactly(5));
  } catch (const awaitc::IncompleteReadError &error) {
    log += "incomplete " + error.partial() + " " +
           std::to_string(*error.expected()) + " " + error.what() + ";";
  }
  StreamReader until(8);
  until.feed_data("xyz");
  until.feed_eof();
  try {
    AWAIT(until.readuntil("!"));
  } catch (const awaitc::IncompleteReadError &error) {
    log += "until " + error.partial() + " " +
           (error.expected() ? "?" : "none") + " " + error.what() + ";";
  }
  StreamReader limited(4);
  limited.feed_data("0123456789");
  try {
    AWAIT(limited.readuntil("!"));
  } catch (const awaitc::LimitOverrunError &error) {
    log += "overrun " + std::to_string(error.consumed()) + " " + error.what() +
           ";";
  }
  limited.feed_data("!tail");
  try {
    AWAIT(limited.readuntil("!"));
  } catch (const awaitc::LimitOverrunError &error) {
    log += "found " + std::to_string(error.consumed()) + " " + error.what() +
           ";";
  }
  StreamReader lines(4);
  lines.feed_data("toolongline\nok\n");
  try {
    AWAIT(lines.readline());
  } catch (const std::invalid_argument &error) {
    log += std::string("readline ") + error.what() + ";";
  }
  log += "next " + AWAIT(lines.readline());
  try {
    AWAIT(lines.readexactly(-1));
  } catch (const std::invalid_argument &) {
    log += "negative;";
  }
  try {
    AWAIT(lines.readuntil(""));
  } catch (const std::invalid_argument &) {
    log += "empty separator;";
  }
  return log;
}

TEST(StreamReader, ErrorsAreAsyncios) {
  // CPython 3.11 prints the same for the same calls (IncompleteReadError's
  // message, LimitOverrunError's consumed, readline's ValueError discarding
  // the long line).
  EXPECT_EQ(awaitc::run(read_errors()),
            "incomplete abc 5 3 bytes read on a total of 5 expected bytes;"
            "until xyz none 3 bytes read on a total of undefined expected "
            "bytes;"
            "overrun 10 Separator is not found, and chunk exceed the limit;"
            "found 10 Separator is found, but chunk is longer than limit;"
            "readline Separator is found, but chunk is longer than limit;"
            "next ok\nnegative;empty separator;");
}

AWAITC_ASYNC Coro<std::string> two_readers() {
  StreamReader reader(awaitc::kDefaultStreamLimit);
  awaitc::Task<std::string> first = awaitc::create_task(reader.read(5));
  AWAIT(awaitc::sleep(0));
  std::string log;
  try {
    AWAIT(reader.readline());
  } catch (const std::logic_error &error) {
    log = error.what();
  }
  reader.feed_data("data");
  log += " / " + AWAIT(first);
  return log;
}

TEST(StreamReader, TwoTasksReadingAtOnceIsAnError) {
  EXPECT_EQ(awaitc::run(two_readers()),
            "readuntil() called while another coroutine is already waiting "
            "for incoming data / data");
}

AWAITC_ASYNC Coro<std::string> cancelled_read() {
  StreamReader reader(awaitc::kDefaultStreamLimit);
  awaitc::Task<std::string> task = awaitc::create_task(reader.readexactly(4));
  AWAIT(awaitc::sleep(0));
  task.cancel();
  AWAIT(awaitc::sleep(0));
  std::string log = task.cancelled() ? "cancelled" : "not cancelled";
  // The reader is free again and the data is all there.
  reader.feed_data("abcd");
  log += " " + AWAIT(reader.readexactly(4));
  return log;
}

TEST(StreamReader, CancellingAWaitingReadFreesTheReader) {
  EXPECT_EQ(awaitc::run(cancelled_read()), "cancelled abcd");
}

// --- streams over 127.0.0.1 --------------------------------------------------

AWAITC_ASYNC Coro<void> echo_lines(StreamReader reader, StreamWriter writer) {
  for (;;) {
    std::string line = AWAIT(reader.readline());
    if (line.empty())
      break;
    writer.write(line);
    AWAIT(writer.drain());
  }
  writer.close();
  AWAIT(writer.wait_closed());
}

AWAITC_ASYNC Coro<void> echo_bytes(StreamReader reader, StreamWriter writer) {
  for (;;) {
    std::string data = AWAIT(reader.read(65536));
    if (data.empty())
      break;
    writer.write(data);
    AWAIT(writer.drain());
  }
  writer.close();
  AWAIT(writer.wait_closed());
}

AWAITC_ASYNC Coro<std::string> echo_client() {
  awaitc::Server server =
      AWAIT(awaitc::start_server(echo_bytes, "127.0.0.1", 0));
  EXPECT_GT(server.port(), 0);
  EXPECT_TRUE(server.is_serving());
  auto conn = AWAIT(awaitc::open_connection("127.0.0.1", server.port()));
  StreamReader reader = conn.first;
  StreamWriter writer = conn.second;
  std::string big(200000, 'x'); // above the water marks and the read size
  writer.write("one\ntwo\n");
  writer.write(big + "\n");
  AWAIT(writer.drain());
  std::string out = AWAIT(reader.readline());
  out += AWAIT(reader.readexactly(4));
  std::string echoed = AWAIT(reader.readexactly(big.size() + 1));
  EXPECT_EQ(echoed, big + "\n");
  writer.write_eof();
  std::string rest = AWAIT(reader.read());
  out += "rest=[" + rest + "]";
  out += reader.at_eof() ? " eof" : " open";
  writer.close();
  EXPECT_TRUE(writer.is_closing());
  AWAIT(writer.wait_closed());
  server.close();
  AWAIT(server.wait_closed());
  EXPECT_FALSE(server.is_serving());
  return out;
}

TEST(Streams, EchoOverLoopback) {
  const int before = open_descriptors();
  EXPECT_EQ(awaitc::run(echo_client()), "one\ntwo\nrest=[] eof");
  EXPECT_EQ(open_descriptors(), before);
}

AWAITC_ASYNC Coro<std::string> refused() {
  // A port that nothing listens on: bind one, then close it.
  int port;
  {
    awaitc::Server server = AWAIT(awaitc::start_server(
        echo_lines, "127.0.0.1", 0));
    port = server.port();
    server.close();
  }
  try {
    AWAIT(awaitc::open_connection("127.0.0.1", port));
  } catch (const awaitc::ConnectionRefusedError &error) {
    return "refused " + std::to_string(error.code().value() == ECONNREFUSED);
  }
  return "connected";
}

TEST(Streams, ConnectionRefusedError) {
  EXPECT_EQ(awaitc::run(refused()), "refused 1");
}

// Names are resolved by getaddrinfo on a worker thread; "localhost" comes
// from /etc/hosts, and a name under the reserved ".invalid" domain never
// resolves, so neither needs a network.
AWAITC_ASYNC Coro<std::string> connect_by_name() {
  awaitc::Server server =
      AWAIT(awaitc::start_server(echo_lines, "127.0.0.1", 0));
  auto conn = AWAIT(awaitc::open_connection("localhost", server.port()));
  conn.second.write("by name\n");
  std::string line = AWAIT(conn.first.readline());
  conn.second.close();
  AWAIT(conn.second.wait_closed());
  server.close();
  AWAIT(server.wait_closed());
  return line;
}

TEST(Streams, OpenConnectionResolvesAHostName) {
  const int before = open_descriptors();
  EXPECT_EQ(awaitc::run(connect_by_name()), "by name\n");
  EXPECT_EQ(open_descriptors(), before);
}

// asyncio raises socket.gaierror; awaitc throws a std::system_error of the
// "getaddrinfo" category (docs/runtime.md, errors.h), not a ConnectionError.
AWAITC_ASYNC Coro<std::string> describe_resolution_error(bool listen) {
  try {
    if (listen)
      AWAIT(awaitc::start_server(echo_lines, "nonexistent.invalid", 0));
    else
      AWAIT(awaitc::open_connection("nonexistent.invalid", 80));
  } catch (const awaitc::ConnectionError &) {
    return "ConnectionError";
  } catch (const std::system_error &error) {
    return std::string(error.code().category().name()) +
           (error.code().value() != 0 ? " nonzero" : " zero");
  }
  return "resolved";
}

TEST(Streams, AnUnresolvableNameIsAGetaddrinfoError) {
  const int before = open_descriptors();
  EXPECT_EQ(awaitc::run(describe_resolution_error(false)),
            "getaddrinfo nonzero");
  EXPECT_EQ(awaitc::run(describe_resolution_error(true)),
            "getaddrinfo nonzero");
  EXPECT_EQ(open_descriptors(), before);
}

// A raw listening socket, so that the test can reset the connection.
struct RawListener {
  int fd = -1;
  int port = 0;
  RawListener() {
    fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    ::listen(fd, 8);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    port = ntohs(address.sin_port);
  }
  ~RawListener() { ::close(fd); }
  // Accepts the pending connection and resets it (RST).
  void reset_next() const {
    const int peer = ::accept(fd, nullptr, nullptr);
    linger option{1, 0};
    ::setsockopt(peer, SOL_SOCKET, SO_LINGER, &option, sizeof option);
    ::close(peer);
  }
};

AWAITC_ASYNC Coro<std::string> reset_by_peer() {
  RawListener listener;
  auto conn = AWAIT(awaitc::open_connection("127.0.0.1", listener.port));
  listener.reset_next();
  std::string log;
  try {
    AWAIT(conn.first.read(10));
  } catch (const awaitc::ConnectionResetError &) {
    log += "read: reset;";
  }
  // Every later read raises it too; writes are dropped; drain raises it.
  try {
    AWAIT(conn.first.readline());
  } catch (const awaitc::ConnectionResetError &) {
    log += "readline: reset;";
  }
  conn.second.write("dropped");
  try {
    AWAIT(conn.second.drain());
  } catch (const awaitc::ConnectionResetError &) {
    log += "drain: reset;";
  }
  try {
    AWAIT(conn.second.wait_closed());
  } catch (const awaitc::ConnectionResetError &) {
    log += "wait_closed: reset";
  }
  return log;
}

TEST(Streams, ConnectionResetError) {
  EXPECT_EQ(awaitc::run(reset_by_peer()),
            "read: reset;readline: reset;drain: reset;wait_closed: reset");
}

AWAITC_ASYNC Coro<std::string> broken_pipe() {
  RawListener listener;
  auto conn = AWAIT(awaitc::open_connection("127.0.0.1", listener.port));
  listener.reset_next();
  AWAIT(awaitc::sleep(0.05)); // let the reset arrive
  std::string log;
  conn.second.write("x");
  try {
    AWAIT(conn.second.drain());
    log += "drained";
  } catch (const awaitc::ConnectionError &error) {
    const int code = error.code().value();
    log += (code == EPIPE || code == ECONNRESET) ? "connection error"
                                                 : "other error";
  }
  return log;
}

TEST(Streams, WritingToAResetConnectionRaisesAConnectionError) {
  EXPECT_EQ(awaitc::run(broken_pipe()), "connection error");
}

AWAITC_ASYNC Coro<void> slow_reader(StreamReader reader, StreamWriter writer,
                                    std::vector<std::string> *log,
                                    awaitc::Event *go) {
  AWAIT(go->wait());
  log->push_back("reader reads");
  std::string all = AWAIT(reader.read());
  log->push_back("reader got " + std::to_string(all.size()));
  writer.close();
}

AWAITC_ASYNC Coro<std::vector<std::string>> drain_waits() {
  std::vector<std::string> log;
  awaitc::Event go;
  awaitc::Server server = AWAIT(awaitc::start_server(
      [&log, &go](StreamReader r, StreamWriter w) {
        return slow_reader(r, w, &log, &go);
      },
      "127.0.0.1", 0));
  auto conn = AWAIT(awaitc::open_connection("127.0.0.1", server.port()));
  // Far more than the socket buffers take: the writer pauses above 64 KiB.
  conn.second.write(std::string(8 << 20, 'd'));
  log.push_back(conn.second.write_buffer_size() > 64 * 1024 ? "buffered"
                                                             : "sent");
  go.set();
  AWAIT(conn.second.drain());
  log.push_back(conn.second.write_buffer_size() <= 16 * 1024
                    ? "drained to the low mark"
                    : "drained early");
  conn.second.close();
  AWAIT(conn.second.wait_closed());
  while (log.size() < 4)
    AWAIT(awaitc::sleep(0.001));
  return log;
}

TEST(Streams, DrainWaitsForTheLowWaterMark) {
  std::vector<std::string> log = awaitc::run(drain_waits());
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0], "buffered");
  EXPECT_EQ(log[1], "reader reads");
  EXPECT_EQ(log[2], "drained to the low mark");
  EXPECT_EQ(log[3], "reader got " + std::to_string(8 << 20));
}

AWAITC_ASYNC Coro<std::string> serve_forever_cancelled() {
  awaitc::Server server =
      AWAIT(awaitc::start_server(echo_lines, "127.0.0.1", 0));
  awaitc::Task<void> serving = awaitc::create_task(server.serve_forever());
  AWAIT(awaitc::sleep(0));
  std::string log;
  try {
    AWAIT(server.serve_forever());
  } catch (const std::logic_error &) {
    log += "second serve_forever: error;";
  }
  serving.cancel();
  try {
    AWAIT(serving);
  } catch (const awaitc::CancelledError &) {
    log += "cancelled;";
  }
  log += server.is_serving() ? "serving" : "closed";
  return log;
}

TEST(Server, ServeForeverEndsByCancellationAndClosesTheServer) {
  EXPECT_EQ(awaitc::run(serve_forever_cancelled()),
            "second serve_forever: error;cancelled;closed");
}

AWAITC_ASYNC Coro<std::string> close_ends_serve_forever() {
  awaitc::Server server =
      AWAIT(awaitc::start_server(echo_lines, "127.0.0.1", 0));
  awaitc::Task<void> serving = awaitc::create_task(server.serve_forever());
  awaitc::Task<void> waiting = awaitc::create_task(server.wait_closed());
  AWAIT(awaitc::sleep(0));
  server.close();
  AWAIT(waiting);
  try {
    AWAIT(serving);
  } catch (const awaitc::CancelledError &) {
    return "closed";
  }
  return "returned";
}

TEST(Server, CloseEndsServeForeverAndWaitClosed) {
  EXPECT_EQ(awaitc::run(close_ends_serve_forever()), "closed");
}

// --- to_thread ---------------------------------------------------------------

int twice(int x) { return 2 * x; }

AWAITC_ASYNC Coro<std::string> thread_results() {
  std::string log = std::to_string(AWAIT(awaitc::to_thread(twice, 21)));
  try {
    AWAIT(awaitc::to_thread([]() -> int { throw std::range_error("boom"); }));
  } catch (const std::range_error &error) {
    log += std::string(" ") + error.what();
  }
  auto both = AWAIT(awaitc::gather(awaitc::to_thread(twice, 1),
                                   awaitc::to_thread(twice, 2)));
  log += " " + std::to_string(std::get<0>(both)) +
         std::to_string(std::get<1>(both));
  std::atomic<bool> other_thread{false};
  const auto loop_thread = std::this_thread::get_id();
  AWAIT(awaitc::to_thread([&] {
    other_thread = std::this_thread::get_id() != loop_thread;
  }));
  log += other_thread ? " elsewhere" : " here";
  return log;
}

TEST(ToThread, ResultsExceptionsAndConcurrency) {
  EXPECT_EQ(awaitc::run(thread_results()), "42 boom 24 elsewhere");
}

// --- subprocesses ------------------------------------------------------------

AWAITC_ASYNC Coro<std::string> subprocesses() {
  std::string log;
  awaitc::ProcessOptions out_only;
  out_only.stdout_pipe = true;
  awaitc::Process echo = AWAIT(
      awaitc::create_subprocess_exec("/bin/echo", {"hello", "world"}, out_only));
  log += AWAIT(echo.stdout().read());
  log += "rc=" + std::to_string(AWAIT(echo.wait())) + ";";

  awaitc::ProcessOptions all;
  all.stdin_pipe = all.stdout_pipe = all.stderr_pipe = true;
  awaitc::Process cat = AWAIT(awaitc::create_subprocess_exec("cat", {}, all));
  auto [out, err] = AWAIT(cat.communicate("through cat\n"));
  log += out + "err=[" + err + "] rc=" + std::to_string(*cat.returncode()) +
         ";";

  awaitc::Process shell = AWAIT(awaitc::create_subprocess_exec(
      "/bin/sh", {"-c", "echo oops >&2; exit 3"}, all));
  auto result = AWAIT(shell.communicate());
  log += "sh err=" + result.second + "rc=" +
         std::to_string(*shell.returncode()) + ";";

  awaitc::Process sleeper =
      AWAIT(awaitc::create_subprocess_exec("/bin/sleep", {"30"}));
  EXPECT_FALSE(sleeper.returncode().has_value());
  sleeper.kill();
  log += "killed " + std::to_string(AWAIT(sleeper.wait())) + ";";
  sleeper.kill(); // after the exit: no effect

  awaitc::Process terminated =
      AWAIT(awaitc::create_subprocess_exec("/bin/sleep", {"30"}));
  terminated.terminate();
  log += "terminated " + std::to_string(AWAIT(terminated.wait())) + ";";

  try {
    AWAIT(awaitc::create_subprocess_exec("/nonexistent/program"));
  } catch (const std::system_error &error) {
    log += error.code().value() == ENOENT ? "ENOENT;" : "other;";
  }
  try {
    echo.stdin();
  } catch (const std::logic_error &) {
    log += "no stdin pipe";
  }
  return log;
}

TEST(Subprocess, PipesExitStatusSignalsAndErrors) {
  const int before = open_descriptors();
  EXPECT_EQ(awaitc::run(subprocesses()),
            "hello world\nrc=0;through cat\nerr=[] rc=0;sh err=oops\nrc=3;"
            "killed -9;terminated -15;ENOENT;no stdin pipe");
  EXPECT_EQ(open_descriptors(), before);
}

} // namespace
