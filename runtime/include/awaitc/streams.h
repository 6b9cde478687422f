// awaitc/streams.h - StreamReader, StreamWriter and open_connection(), as
// asyncio's streams.
//
//   auto [reader, writer] = AWAIT(awaitc::open_connection("127.0.0.1", port));
//   writer.write("hello\n");
//   AWAIT(writer.drain());
//   std::string line = AWAIT(reader.readline());
//   writer.close();
//   AWAIT(writer.wait_closed());
//
// The semantics are CPython 3.11's Lib/asyncio/streams.py (and its selector
// transport), operation for operation and hop for hop: a task waiting for
// data resumes one loop iteration after the iteration whose readiness
// callback read it. Every operation that can wait returns a Coro, so it
// goes into create_task, gather and wait_for like any async function.
//
// StreamReader (the buffer limit is 64 KiB unless given):
//   read(n)          up to n bytes, waiting for at least one; n = -1 (the
//                    default): everything up to EOF; "" at EOF (and n = 0)
//   readline()       up to and including "\n", or what is left at EOF;
//                    a line longer than the limit is discarded and throws
//                    std::invalid_argument (asyncio's ValueError)
//   readexactly(n)   n bytes; IncompleteReadError (with partial()) if EOF
//                    comes first; n < 0 throws std::invalid_argument
//   readuntil(sep)   up to and including sep; IncompleteReadError at EOF,
//                    LimitOverrunError (with consumed()) past the limit,
//                    leaving the data in the buffer
//   at_eof()         EOF seen and nothing left in the buffer
//   feed_data(s), feed_eof()   for a StreamReader made by hand
// An error of the connection (ConnectionResetError...) is thrown by every
// later read. Only one task may wait on a reader at a time: a second one
// gets std::logic_error ("readuntil() called while another coroutine is
// already waiting for incoming data"), as asyncio's RuntimeError.
//
// StreamWriter:
//   write(data)      buffers data (sent at once if possible); after close()
//                    or a lost connection it is dropped, as in asyncio
//   drain()          waits while more than 64 KiB are buffered, until at
//                    most 16 KiB are; throws the connection's error (or
//                    ConnectionResetError "Connection lost")
//   write_eof()      shuts the sending side down once the buffer is sent
//   close(), is_closing(), wait_closed()
//                    close() sends what is buffered, then closes;
//                    wait_closed() returns once the connection is closed
//                    (throws the error that ended it, if any)
// A reader and its writer share the connection: when the last copy of both
// handles is gone the connection is closed as by close().
//
// OS errors are thrown as std::system_error subclasses (errors.h):
// ConnectionRefusedError, ConnectionResetError, BrokenPipeError, ...
#pragma once

#include <awaitc/coro.h>
#include <awaitc/detail/stream_core.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace awaitc {

namespace detail {
struct StreamAccess;
}

// EOF came before the read could complete (asyncio.IncompleteReadError).
class IncompleteReadError : public std::runtime_error {
public:
  IncompleteReadError(std::string partial, std::optional<std::size_t> expected);
  // The bytes read before EOF.
  const std::string &partial() const noexcept { return partial_; }
  // How many were wanted (none for readuntil).
  std::optional<std::size_t> expected() const noexcept { return expected_; }

private:
  std::string partial_;
  std::optional<std::size_t> expected_;
};

// The separator was not found within the buffer limit
// (asyncio.LimitOverrunError).
class LimitOverrunError : public std::runtime_error {
public:
  LimitOverrunError(const std::string &message, std::size_t consumed)
      : std::runtime_error(message), consumed_(consumed) {}
  // How many bytes may be consumed to get past the data examined.
  std::size_t consumed() const noexcept { return consumed_; }

private:
  std::size_t consumed_;
};

inline constexpr std::size_t kDefaultStreamLimit = 64 * 1024;

class StreamReader {
public:
  // A reader fed by hand with feed_data() and feed_eof().
  explicit StreamReader(std::size_t limit = kDefaultStreamLimit);

  Coro<std::string> read(long long n = -1);
  Coro<std::string> readline();
  Coro<std::string> readexactly(long long n);
  Coro<std::string> readuntil(std::string separator = "\n");
  bool at_eof() const noexcept;

  void feed_data(std::string_view data);
  void feed_eof();
  // The error that ended the connection, or null.
  std::exception_ptr exception() const noexcept;

private:
  friend class StreamWriter;
  friend struct detail::StreamAccess;
  explicit StreamReader(detail::StreamHandle handle) noexcept
      : handle_(std::move(handle)) {}
  detail::StreamHandle handle_;
};

class StreamWriter {
public:
  void write(std::string_view data);
  Coro<void> drain();
  void write_eof();
  bool can_write_eof() const noexcept;
  void close();
  bool is_closing() const noexcept;
  Coro<void> wait_closed();
  // Bytes buffered and not yet sent.
  std::size_t write_buffer_size() const noexcept;

private:
  friend struct detail::StreamAccess;
  explicit StreamWriter(detail::StreamHandle handle) noexcept
      : handle_(std::move(handle)) {}
  detail::StreamHandle handle_;
};

namespace detail {
// For the runtime's other headers (servers, subprocesses): makes handles.
struct StreamAccess {
  static StreamReader reader(StreamHandle handle) noexcept {
    return StreamReader(std::move(handle));
  }
  static StreamWriter writer(StreamHandle handle) noexcept {
    return StreamWriter(std::move(handle));
  }
  static StreamCore &core(const StreamReader &reader) noexcept {
    return *reader.handle_.core;
  }
  static StreamCore &core(const StreamWriter &writer) noexcept {
    return *writer.handle_.core;
  }
};
} // namespace detail

// asyncio.open_connection: connects to host:port (a numeric address is used
// as it is; a name is resolved on a worker thread), trying each address in
// turn; throws the OS error (ConnectionRefusedError...) of the last one.
Coro<std::pair<StreamReader, StreamWriter>>
open_connection(std::string host, int port,
                std::size_t limit = kDefaultStreamLimit);

} // namespace awaitc
