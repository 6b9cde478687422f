// An echo server: each client's lines come back upper-cased, one task per
// connection. `echo_server PORT [CLIENTS]` listens on 127.0.0.1:PORT (0: a
// free port, printed first as "port N"), and after CLIENTS connections
// have ended it closes and exits (0: serves until killed). With CLIENTS
// negative, -N, it is a demonstration on its own: it runs N clients
// against itself, one after the other, and prints what they get.
// Python: echo_server.py; the client: echo_client.cpp.
#include <awaitc/awaitc.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>

static std::string upper(std::string s) {
  for (char &c : s)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

struct Counter {
  int clients_left;
  awaitc::Event all_done;
};

AWAITC_ASYNC awaitc::Coro<void> serve_client(awaitc::StreamReader reader,
                                             awaitc::StreamWriter writer,
                                             Counter *counter) {
  int lines = 0;
  for (;;) {
    std::string line = AWAIT(reader.readline());
    if (line.empty())
      break;
    ++lines;
    writer.write(upper(line));
    AWAIT(writer.drain());
  }
  std::printf("client done after %d lines\n", lines);
  std::fflush(stdout);
  writer.close();
  AWAIT(writer.wait_closed());
  if (--counter->clients_left == 0)
    counter->all_done.set();
}

AWAITC_ASYNC awaitc::Coro<void> demo_client(int port, int number) {
  auto [reader, writer] = AWAIT(awaitc::open_connection("127.0.0.1", port));
  for (const char *word : {"hello", "echo"}) {
    writer.write(std::string(word) + " from client " +
                 std::to_string(number) + "\n");
    AWAIT(writer.drain());
    std::string reply = AWAIT(reader.readline());
    std::printf("client %d got %s", number, reply.c_str());
  }
  writer.close();
  AWAIT(writer.wait_closed());
}

AWAITC_ASYNC awaitc::Coro<void> main_coro(int port, int clients) {
  const bool demo = clients < 0;
  if (demo)
    clients = -clients;
  Counter counter{clients, {}};
  awaitc::Server server = AWAIT(awaitc::start_server(
      [&counter](awaitc::StreamReader r, awaitc::StreamWriter w) {
        return serve_client(r, w, &counter);
      },
      "127.0.0.1", port));
  if (demo) {
    std::printf("listening\n");
    for (int i = 1; i <= clients; ++i)
      AWAIT(demo_client(server.port(), i));
  } else {
    std::printf("port %d\n", server.port());
  }
  std::fflush(stdout);
  if (clients == 0) {
    AWAIT(server.serve_forever());
    return;
  }
  AWAIT(counter.all_done.wait());
  server.close();
  AWAIT(server.wait_closed());
  std::printf("server closed\n");
}

int main(int argc, char **argv) {
  const int port = argc > 1 ? std::atoi(argv[1]) : 8888;
  const int clients = argc > 2 ? std::atoi(argv[2]) : 0;
  awaitc::run(main_coro(port, clients));
}
