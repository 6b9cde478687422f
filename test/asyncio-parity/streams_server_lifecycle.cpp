// A server's life over 127.0.0.1: serve_forever in a task of its own; three
// clients connected at once, each served by a handler task of its own;
// close() stops listening (a new client is refused) while the connections
// already accepted go on, and ends serve_forever with CancelledError; each
// handler sees its client's EOF and finishes.
// Python: streams_server_lifecycle.py
#include <awaitc/awaitc.h>

#include <cctype>
#include <cstdio>
#include <map>
#include <string>
#include <utility>

static const char *py(bool b) { return b ? "True" : "False"; }

static std::string strip(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.pop_back();
  return s;
}

static std::string upper(std::string s) {
  for (char &ch : s)
    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

AWAITC_ASYNC awaitc::Coro<void> handle(awaitc::StreamReader reader,
                                       awaitc::StreamWriter writer,
                                       awaitc::Queue<std::string> &left) {
  std::string name = strip(AWAIT(reader.readline()));
  std::printf("server: hello from %s\n", name.c_str());
  writer.write("hi " + name + "\n");
  while (true) {
    std::string line = AWAIT(reader.readline());
    if (line.empty())
      break;
    std::printf("server: %s says %s\n", name.c_str(), strip(line).c_str());
    writer.write(upper(line));
    AWAIT(writer.drain());
  }
  std::printf("server: %s left\n", name.c_str());
  writer.close();
  AWAIT(writer.wait_closed());
  left.put_nowait(name);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Queue<std::string> left;
  awaitc::Server server = AWAIT(awaitc::start_server(
      [&left](awaitc::StreamReader r, awaitc::StreamWriter w) {
        return handle(r, w, left);
      },
      "127.0.0.1", 0));
  int port = server.port();
  std::printf("serving %s\n", py(server.is_serving()));
  awaitc::Task<void> forever = awaitc::create_task(server.serve_forever());
  AWAIT(awaitc::sleep(0));

  std::map<std::string, std::pair<awaitc::StreamReader, awaitc::StreamWriter>>
      clients;
  for (const char *name : {"a", "b", "c"}) {
    auto conn = AWAIT(awaitc::open_connection("127.0.0.1", port));
    conn.second.write(std::string(name) + "\n");
    std::string reply = strip(AWAIT(conn.first.readline()));
    std::printf("client %s got %s\n", name, reply.c_str());
    clients.emplace(name, conn);
  }

  server.close();
  std::printf("after close: serving %s\n", py(server.is_serving()));
  try {
    AWAIT(forever);
  } catch (const awaitc::CancelledError &) {
    std::printf("serve_forever ended cancelled: %s\n", py(forever.cancelled()));
  }
  try {
    AWAIT(awaitc::open_connection("127.0.0.1", port));
  } catch (const awaitc::ConnectionRefusedError &) {
    std::printf("a new client is refused\n");
  }

  for (const char *name : {"c", "a", "b"}) {
    auto &conn = clients.at(name);
    conn.second.write(std::string("still here ") + name + "\n");
    std::string reply = strip(AWAIT(conn.first.readline()));
    std::printf("client %s got %s\n", name, reply.c_str());
  }
  for (const char *name : {"b", "c", "a"}) {
    auto &conn = clients.at(name);
    conn.second.close();
    AWAIT(conn.second.wait_closed());
    std::string done = AWAIT(left.get());
    std::printf("client %s closed, server task for %s done\n", name,
                done.c_str());
  }
  AWAIT(server.wait_closed());
  std::printf("server closed\n");
}

int main() { awaitc::run(main_coro()); }
