// Connection errors over 127.0.0.1: nothing listening (ConnectionRefusedError),
// a peer that closes at once (EOF: read gives b'' and at_eof), a peer that
// resets the connection (ConnectionResetError from every later read, from
// drain and from wait_closed), and writes after close (dropped silently).
// Python: streams_connection_errors.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

AWAITC_ASYNC awaitc::Coro<void> closing(awaitc::StreamReader,
                                        awaitc::StreamWriter writer) {
  writer.close();
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Server server = AWAIT(awaitc::start_server(closing, "127.0.0.1", 0));
  int port = server.port();
  auto [reader, writer] = AWAIT(awaitc::open_connection("127.0.0.1", port));
  std::string got = AWAIT(reader.read(100));
  std::printf("read after the peer closed: b'%s' at_eof=%s\n", got.c_str(),
              reader.at_eof() ? "True" : "False");
  writer.close();
  writer.write("dropped");
  AWAIT(writer.wait_closed());
  std::printf("closed; a write after close is dropped\n");
  server.close();
  AWAIT(server.wait_closed());
  try {
    AWAIT(awaitc::open_connection("127.0.0.1", port));
  } catch (const awaitc::ConnectionRefusedError &) {
    std::printf("ConnectionRefusedError\n");
  }

  int raw = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(raw, reinterpret_cast<sockaddr *>(&address), sizeof address);
  ::listen(raw, 1);
  socklen_t length = sizeof address;
  ::getsockname(raw, reinterpret_cast<sockaddr *>(&address), &length);
  auto conn =
      AWAIT(awaitc::open_connection("127.0.0.1", ntohs(address.sin_port)));
  int peer = ::accept(raw, nullptr, nullptr);
  linger reset{1, 0};
  ::setsockopt(peer, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
  ::close(peer);
  ::close(raw);
  try {
    AWAIT(conn.first.read());
  } catch (const awaitc::ConnectionResetError &) {
    std::printf("read: ConnectionResetError\n");
  }
  try {
    AWAIT(conn.first.readline());
  } catch (const awaitc::ConnectionResetError &) {
    std::printf("readline: ConnectionResetError\n");
  }
  conn.second.write("lost");
  try {
    AWAIT(conn.second.drain());
  } catch (const awaitc::ConnectionResetError &) {
    std::printf("drain: ConnectionResetError\n");
  }
  try {
    AWAIT(conn.second.wait_closed());
  } catch (const awaitc::ConnectionResetError &) {
    std::printf("wait_closed: ConnectionResetError\n");
  }
}

int main() { awaitc::run(main_coro()); }
