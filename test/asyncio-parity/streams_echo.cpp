// An echo server and a client over 127.0.0.1: each line goes there and back;
// the client's write_eof ends the server's loop, then both sides close.
// Python: streams_echo.py
#include <awaitc/awaitc.h>

#include <cctype>
#include <cstdio>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

static std::string rstrip(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.pop_back();
  return s;
}

static std::string upper(std::string s) {
  for (char &c : s)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

AWAITC_ASYNC awaitc::Coro<void> handle(awaitc::StreamReader reader,
                                       awaitc::StreamWriter writer) {
  for (;;) {
    std::string line = AWAIT(reader.readline());
    if (line.empty())
      break;
    std::printf("server got %s\n", rstrip(line).c_str());
    writer.write(upper(line));
    AWAIT(writer.drain());
  }
  std::printf("server: eof, at_eof=%s\n", py(reader.at_eof()));
  writer.close();
  AWAIT(writer.wait_closed());
  std::printf("server: closed\n");
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Server server = AWAIT(awaitc::start_server(handle, "127.0.0.1", 0));
  auto [reader, writer] =
      AWAIT(awaitc::open_connection("127.0.0.1", server.port()));
  for (const char *word : {"alpha", "beta", "gamma"}) {
    writer.write(std::string(word) + "\n");
    AWAIT(writer.drain());
    std::string reply = AWAIT(reader.readline());
    std::printf("client got %s\n", rstrip(reply).c_str());
  }
  writer.write_eof();
  std::string rest = AWAIT(reader.read());
  std::printf("client: rest=b'%s' at_eof=%s\n", rest.c_str(),
              py(reader.at_eof()));
  writer.close();
  AWAIT(writer.wait_closed());
  std::printf("client: closed, is_closing=%s\n", py(writer.is_closing()));
  server.close();
  AWAIT(server.wait_closed());
  std::printf("server closed\n");
}

int main() { awaitc::run(main_coro()); }
