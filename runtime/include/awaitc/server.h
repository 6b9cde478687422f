// awaitc/server.h - start_server() and Server, as asyncio.start_server.
//
//   AWAITC_ASYNC awaitc::Coro<void> echo(awaitc::StreamReader reader,
//                                        awaitc::StreamWriter writer) {
//     std::string line = AWAIT(reader.readline());
//     writer.write(line);
//     AWAIT(writer.drain());
//     writer.close();
//   }
//   awaitc::Server server = AWAIT(awaitc::start_server(echo, "127.0.0.1", 0));
//   int port = server.port();          // port 0 picked a free one
//   AWAIT(server.serve_forever());     // until cancelled or closed
//
// start_server binds every address of host (a numeric address at once, a
// name resolved on a worker thread; "" is every interface) with
// SO_REUSEADDR, listens (backlog 100 unless given, asyncio's; the kernel
// may reset connections beyond it that arrive at once) and starts accepting
// at once, up to `backlog` connections per readiness callback. Each
// accepted connection runs handler(reader, writer) as a task of its own;
// an exception that ends it is reported on standard error when the task
// goes, and the connection is closed when its handles are gone.
//
// Server is a copyable handle; the last copy going closes the server (the
// connections already accepted go on). As CPython 3.11:
//   close()          stops listening and closes the listening sockets;
//                    connections already accepted are left alone
//   wait_closed()    before close(): waits until the server is closed and
//                    its connections are gone; after close(): returns at once
//   serve_forever()  waits until the task is cancelled or close() is called,
//                    then closes the server and throws CancelledError; a
//                    second serve_forever, or one on a closed server, throws
//                    std::logic_error
#pragma once

#include <awaitc/coro.h>
#include <awaitc/streams.h>

#include <functional>
#include <memory>
#include <string>

namespace awaitc {

namespace detail {
class ServerCore;
}

using ClientConnected = std::function<Coro<void>(StreamReader, StreamWriter)>;

class Server {
public:
  // The port of the first listening socket (0 once closed).
  int port() const noexcept;
  bool is_serving() const noexcept;
  void close();
  Coro<void> wait_closed();
  Coro<void> serve_forever();

private:
  friend struct ServerAccess;
  std::shared_ptr<detail::ServerCore> core_;
  std::shared_ptr<void> user_; // the last copy closes the server
};

Coro<Server> start_server(ClientConnected handler, std::string host, int port,
                          std::size_t limit = kDefaultStreamLimit,
                          int backlog = 100);

} // namespace awaitc
