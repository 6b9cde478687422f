// The echo server's client: `echo_client PORT WORD...` sends each word as a
// line to 127.0.0.1:PORT, prints the replies, then closes its side and
// waits for the server to close.
// Python: echo_client.py; the server: echo_server.cpp.
#include <awaitc/awaitc.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

AWAITC_ASYNC awaitc::Coro<void> main_coro(int port,
                                          std::vector<std::string> words) {
  auto [reader, writer] = AWAIT(awaitc::open_connection("127.0.0.1", port));
  for (const std::string &word : words) {
    writer.write(word + "\n");
    AWAIT(writer.drain());
    std::string reply = AWAIT(reader.readline());
    std::printf("sent %s, got %s", word.c_str(), reply.c_str());
  }
  writer.write_eof();
  std::string rest = AWAIT(reader.read());
  std::printf("server closed the connection (%zu bytes after the replies)\n",
              rest.size());
  writer.close();
  AWAIT(writer.wait_closed());
}

int main(int argc, char **argv) {
  const int port = argc > 1 ? std::atoi(argv[1]) : 8888;
  std::vector<std::string> words(argv + (argc > 1 ? 2 : 1), argv + argc);
  if (words.empty())
    words = {"hello", "echo"};
  try {
    awaitc::run(main_coro(port, words));
  } catch (const awaitc::ConnectionRefusedError &) {
    std::printf("connection refused: is echo_server running on %d?\n", port);
    return 1;
  }
}
