// The echo server of the benchmark, with C++20 coroutines on standalone
// Asio (Debian's libasio-dev), written the way Asio's own examples are.
#include <asio.hpp>

#include <cstdio>
#include <cstdlib>

using asio::ip::tcp;

asio::awaitable<void> echo(tcp::socket socket) {
  char data[65536];
  try {
    for (;;) {
      std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                      asio::use_awaitable);
      co_await asio::async_write(socket, asio::buffer(data, n),
                                 asio::use_awaitable);
    }
  } catch (const std::exception &) {
    // EOF or a reset: the connection is done.
  }
}

asio::awaitable<void> listener(unsigned short port) {
  auto executor = co_await asio::this_coro::executor;
  tcp::acceptor acceptor(executor, {asio::ip::make_address("127.0.0.1"), port});
  std::printf("ready\n");
  std::fflush(stdout);
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    socket.set_option(tcp::no_delay(true));
    asio::co_spawn(executor, echo(std::move(socket)), asio::detached);
  }
}

int main(int argc, char **argv) {
  asio::io_context context(1);
  asio::co_spawn(context,
                 listener(static_cast<unsigned short>(
                     argc > 1 ? std::atoi(argv[1]) : 9000)),
                 asio::detached);
  context.run();
}
