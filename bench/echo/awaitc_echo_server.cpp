// The echo server of the benchmark, with awaitc: every byte back as it
// comes. `awaitc_echo_server PORT`. See docs/performance.md.
#include <awaitc/awaitc.h>

#include <cstdio>
#include <cstdlib>
#include <string>

AWAITC_ASYNC awaitc::Coro<void> echo(awaitc::StreamReader reader,
                                     awaitc::StreamWriter writer) {
  for (;;) {
    std::string data = AWAIT(reader.read(65536));
    if (data.empty())
      break;
    writer.write(data);
    AWAIT(writer.drain());
  }
  writer.close();
}

AWAITC_ASYNC awaitc::Coro<void> main_coro(int port) {
  awaitc::Server server = AWAIT(awaitc::start_server(
      echo, "127.0.0.1", port, awaitc::kDefaultStreamLimit, 1024));
  std::printf("ready\n");
  std::fflush(stdout);
  AWAIT(server.serve_forever());
}

int main(int argc, char **argv) {
  awaitc::run(main_coro(argc > 1 ? std::atoi(argv[1]) : 9000));
}
