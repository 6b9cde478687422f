// Flow control: a writer far ahead of its reader pauses above 64 KiB
// buffered, drain() waits until the buffer is down to 16 KiB, and every byte
// arrives in order.
// Python: streams_drain.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <string>

static const std::size_t total = 4 * 1024 * 1024;

AWAITC_ASYNC awaitc::Coro<void> consumer(awaitc::StreamReader reader,
                                         awaitc::StreamWriter writer,
                                         awaitc::Event *go,
                                         awaitc::Event *done) {
  AWAIT(go->wait());
  std::size_t received = 0;
  bool ok = true;
  for (;;) {
    std::string chunk = AWAIT(reader.read(65536));
    if (chunk.empty())
      break;
    for (std::size_t i = 0; i < chunk.size() && ok; ++i)
      ok = static_cast<unsigned char>(chunk[i]) == (received + i) % 251;
    received += chunk.size();
  }
  std::printf("consumer: %zu bytes, in order: %s\n", received,
              ok ? "True" : "False");
  writer.close();
  done->set();
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Event go, done;
  awaitc::Server server = AWAIT(awaitc::start_server(
      [&go, &done](awaitc::StreamReader r, awaitc::StreamWriter w) {
        return consumer(r, w, &go, &done);
      },
      "127.0.0.1", 0));
  auto [reader, writer] =
      AWAIT(awaitc::open_connection("127.0.0.1", server.port()));
  std::string data(total, '\0');
  for (std::size_t i = 0; i < total; ++i)
    data[i] = static_cast<char>(i % 251);
  writer.write(data);
  std::printf("buffered above the high mark: %s\n",
              writer.write_buffer_size() > 64 * 1024 ? "True" : "False");
  go.set();
  AWAIT(writer.drain());
  std::printf("drained to the low mark: %s\n",
              writer.write_buffer_size() <= 16 * 1024 ? "True" : "False");
  writer.close();
  AWAIT(writer.wait_closed());
  AWAIT(done.wait());
  server.close();
  AWAIT(server.wait_closed());
}

int main() { awaitc::run(main_coro()); }
