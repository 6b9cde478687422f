// Reading over 127.0.0.1 what the peer writes in pieces: readuntil with a
// separator split across writes ("\r" | "\n", "EN" | "D"), readline of a
// line sent in three writes, readexactly spanning writes, then at EOF
// readexactly's IncompleteReadError with the partial bytes and readuntil's
// with what is left. The results do not depend on how the bytes are
// chunked. Python: streams_split_writes.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>
#include <vector>

static const char *py(bool b) { return b ? "True" : "False"; }

// Python's repr() of bytes, for the characters used here.
static std::string repr(const std::string &s) {
  std::string out = "b'";
  for (char ch : s) {
    if (ch == '\r')
      out += "\\r";
    else if (ch == '\n')
      out += "\\n";
    else
      out += ch;
  }
  return out + "'";
}

AWAITC_ASYNC awaitc::Coro<void> handle(awaitc::StreamReader reader,
                                       awaitc::StreamWriter writer) {
  std::string got = AWAIT(reader.readuntil("\r\n"));
  std::printf("readuntil CRLF: %s\n", repr(got).c_str());
  got = AWAIT(reader.readuntil("\r\n"));
  std::printf("readuntil CRLF: %s\n", repr(got).c_str());
  got = AWAIT(reader.readuntil("END"));
  std::printf("readuntil END: %s\n", repr(got).c_str());
  got = AWAIT(reader.readline());
  std::printf("readline: %s\n", repr(got).c_str());
  got = AWAIT(reader.readexactly(7));
  std::printf("readexactly(7): %s\n", repr(got).c_str());
  try {
    AWAIT(reader.readexactly(6));
  } catch (const awaitc::IncompleteReadError &e) {
    std::printf("readexactly(6): IncompleteReadError partial=%s "
                "expected=%zu: %s\n",
                repr(e.partial()).c_str(), *e.expected(), e.what());
  }
  bool eof = reader.at_eof();
  got = AWAIT(reader.read());
  std::printf("at_eof %s, read(): %s\n", py(eof), repr(got).c_str());
  writer.write("bye\n");
  AWAIT(writer.drain());
  writer.close();
  AWAIT(writer.wait_closed());
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Server server = AWAIT(awaitc::start_server(handle, "127.0.0.1", 0));
  auto [reader, writer] =
      AWAIT(awaitc::open_connection("127.0.0.1", server.port()));
  std::vector<std::string> pieces = {
      "GET /\r", "\nHost: x", "\r\n", "a",      "bcEN", "D",
      "one ",    "two ",      "three\n", "012", "3456", "xyz"};
  for (const std::string &piece : pieces) {
    writer.write(piece);
    AWAIT(writer.drain());
    AWAIT(awaitc::sleep(0.002));
  }
  writer.write_eof();
  std::string line = AWAIT(reader.readline());
  std::printf("client got %s\n", repr(line).c_str());
  std::string rest = AWAIT(reader.read());
  std::printf("client at EOF: %s\n", repr(rest).c_str());
  writer.close();
  AWAIT(writer.wait_closed());
  server.close();
  AWAIT(server.wait_closed());
}

int main() { awaitc::run(main_coro()); }
