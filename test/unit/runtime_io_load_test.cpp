// Load test of the streams and the server on 127.0.0.1: 1,000 clients
// connected at the same time to one echo server, each sending 32 KiB in
// pieces of varied sizes; every byte must come back in order, and after
// the loop has closed no descriptor and no heap memory may be left behind.
// Bounded in count and time (CTest gives it 300 s; it takes a few seconds).
// Written in the awaitc dialect, transpiled by the tool built in the tree.

#include <awaitc/awaitc.h>

#include <gtest/gtest.h>

#include <dirent.h>
#include <malloc.h>
#include <sys/resource.h>

#include <cstddef>
#include <string>
#include <vector>

namespace {

using awaitc::Coro;
using awaitc::StreamReader;
using awaitc::StreamWriter;

constexpr int kClients = 1000;
constexpr std::size_t kBytesPerClient = 32 * 1024;

int open_descriptors() {
  int count = 0;
  if (DIR *dir = ::opendir("/proc/self/fd")) {
    while (::readdir(dir))
      ++count;
    ::closedir(dir);
  }
  return count;
}

std::size_t heap_in_use() { return ::mallinfo2().uordblks; }

AWAITC_ASYNC Coro<void> echo(StreamReader reader, StreamWriter writer) {
  for (;;) {
    std::string data = AWAIT(reader.read(16384));
    if (data.empty())
      break;
    writer.write(data);
    AWAIT(writer.drain());
  }
  writer.close();
  AWAIT(writer.wait_closed());
}

std::string payload(int client) {
  std::string data(kBytesPerClient, '\0');
  for (std::size_t i = 0; i < data.size(); ++i)
    data[i] = static_cast<char>((i * 7 + static_cast<std::size_t>(client)) % 251);
  return data;
}

AWAITC_ASYNC Coro<bool> client(int port, int id, awaitc::Event *all_connected,
                               int *connected) {
  auto [reader, writer] = AWAIT(awaitc::open_connection("127.0.0.1", port));
  // Every client is connected before any sends: 1,000 at the same time.
  if (++*connected == kClients)
    all_connected->set();
  AWAIT(all_connected->wait());
  const std::string data = payload(id);
  std::size_t sent = 0;
  std::size_t piece = 1 + static_cast<std::size_t>(id) % 700;
  while (sent < data.size()) {
    const std::size_t n = std::min(piece, data.size() - sent);
    writer.write(std::string_view(data).substr(sent, n));
    AWAIT(writer.drain());
    sent += n;
    piece = piece * 3 % 4093 + 1;
  }
  writer.write_eof();
  std::string back = AWAIT(reader.read());
  writer.close();
  AWAIT(writer.wait_closed());
  return back == data;
}

AWAITC_ASYNC Coro<int> load(int clients) {
  // A backlog for all of them: they connect at once.
  awaitc::Server server = AWAIT(awaitc::start_server(
      echo, "127.0.0.1", 0, awaitc::kDefaultStreamLimit, kClients));
  awaitc::Event all_connected;
  int connected = 0;
  std::vector<awaitc::Task<bool>> tasks;
  for (int i = 0; i < clients; ++i)
    tasks.push_back(awaitc::create_task(
        client(server.port(), i, &all_connected, &connected)));
  if (clients < kClients)
    all_connected.set();
  std::vector<bool> results = AWAIT(awaitc::gather(tasks));
  server.close();
  AWAIT(server.wait_closed());
  int good = 0;
  for (bool ok : results)
    good += ok ? 1 : 0;
  return good;
}

TEST(IoLoad, ThousandConcurrentEchoClientsLeaveNothingBehind) {
  rlimit limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &limit), 0);
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
  ASSERT_GE(limit.rlim_cur, static_cast<rlim_t>(2 * kClients + 64))
      << "the hard limit of open files is too low for this test";

  // A first run: what stays allocated for good (the thread's read buffer,
  // the C++ library's own) is allocated by then.
  EXPECT_EQ(awaitc::run(load(kClients)), kClients);
  const int descriptors = open_descriptors();
  const std::size_t heap = heap_in_use();

  EXPECT_EQ(awaitc::run(load(kClients)), kClients);

  EXPECT_EQ(open_descriptors(), descriptors);
  const std::size_t after = heap_in_use();
  EXPECT_LE(after, heap + 4096) << "heap in use grew from " << heap << " to "
                                << after << " bytes";
}

} // namespace
