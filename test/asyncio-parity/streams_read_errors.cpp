// The reader's errors over 127.0.0.1: readexactly and readuntil at EOF
// (IncompleteReadError with the partial data), a server with a small buffer
// limit (LimitOverrunError, readline's ValueError), and reads after EOF.
// Python: streams_read_errors.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

AWAITC_ASYNC awaitc::Coro<void> handle(awaitc::StreamReader reader,
                                       awaitc::StreamWriter writer) {
  try {
    AWAIT(reader.readuntil("!"));
  } catch (const awaitc::LimitOverrunError &e) {
    std::printf("readuntil: LimitOverrunError consumed=%zu: %s\n",
                e.consumed(), e.what());
  }
  try {
    AWAIT(reader.readline());
  } catch (const std::invalid_argument &e) {
    std::printf("readline: ValueError: %s\n", e.what());
  }
  std::string then = AWAIT(reader.readline());
  std::printf("then: b'%s\\n'\n", then.substr(0, then.size() - 1).c_str());
  try {
    AWAIT(reader.readexactly(10));
  } catch (const awaitc::IncompleteReadError &e) {
    std::printf("readexactly: IncompleteReadError partial=b'%s' "
                "expected=%zu: %s\n",
                e.partial().c_str(), *e.expected(), e.what());
  }
  try {
    AWAIT(reader.readuntil("!"));
  } catch (const awaitc::IncompleteReadError &e) {
    std::printf("readuntil: IncompleteReadError partial=b'%s' expected=%s\n",
                e.partial().c_str(), e.expected() ? "?" : "None");
  }
  std::string all = AWAIT(reader.read());
  std::string five = AWAIT(reader.read(5));
  std::printf("read at eof: b'%s' b'%s' at_eof=%s\n", all.c_str(),
              five.c_str(), py(reader.at_eof()));
  writer.close();
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Server server =
      AWAIT(awaitc::start_server(handle, "127.0.0.1", 0, 8));
  auto [reader, writer] =
      AWAIT(awaitc::open_connection("127.0.0.1", server.port()));
  writer.write("0123456789abcdef\nok\nshort");
  writer.write_eof();
  AWAIT(writer.drain());
  std::string got = AWAIT(reader.read());
  std::printf("client read: b'%s'\n", got.c_str());
  writer.close();
  AWAIT(writer.wait_closed());
  server.close();
  AWAIT(server.wait_closed());
}

int main() { awaitc::run(main_coro()); }
