// awaitc/detail/stream_core.h - the state behind a StreamReader and a
// StreamWriter: asyncio's selector transport, StreamReaderProtocol and
// StreamReader buffer in one object.
//
// One StreamCore per connected socket (shared by its reader and writer) or
// per pipe (a subprocess's stdin, stdout or stderr), or with no descriptor
// at all for a StreamReader fed by hand (feed_data/feed_eof). The loop
// watches the descriptor (IoWatcher) and the core does what asyncio's
// _SelectorSocketTransport does with it, with the same states and the same
// order of events:
//   - reading: one recv of up to 256 KiB per readiness callback
//     (data_received -> feed_data, which wakes the waiting reader); at EOF
//     the socket stops reading and stays open for writing (eof_received
//     keeps it open); reading pauses while more than 2 * limit bytes are
//     buffered and resumes once a read leaves at most `limit`;
//   - writing: write() sends at once when nothing is buffered and buffers
//     the rest; the writer pauses (drain() waits) above 64 KiB buffered and
//     resumes at 16 KiB (asyncio's water marks);
//   - close() stops reading, and once the buffer is sent the connection is
//     lost (connection_lost(None), a callback later); an OS error loses it
//     at once with that error, which the reader and drain() then raise.
// Users hold it through handles (StreamHandle): when the last handle of a
// connection goes, the connection is closed as close() would (what is
// buffered is still sent), as asyncio's StreamWriter.__del__ does.
#pragma once

#include <awaitc/detail/poller.h>
#include <awaitc/future.h>
#include <awaitc/loop.h>

#include <cstddef>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace awaitc {
namespace detail {

// Someone waiting for a reader's data (a read, or communicate()).
class ReadListener {
public:
  virtual void on_read_event() noexcept = 0;

protected:
  ~ReadListener() = default;
};

// Told when the connection is lost (a server counts its connections).
class LostListener {
public:
  virtual void on_connection_lost() noexcept = 0;

protected:
  ~LostListener() = default;
};

class StreamCore final : public IoWatcher,
                         private Lingering,
                         public std::enable_shared_from_this<StreamCore> {
public:
  enum class Kind { Buffer, Socket, PipeReader, PipeWriter };

  // Takes ownership of `fd` (non-blocking); Kind::Buffer has none (-1).
  StreamCore(int fd, Kind kind, std::size_t limit);
  ~StreamCore() override;

  Kind kind() const noexcept { return kind_; }

  // --- the reader's buffer (asyncio.StreamReader) ---
  std::string buffer;
  const std::size_t limit;
  bool eof = false;
  std::exception_ptr exception;
  ReadListener *waiter = nullptr;

  void feed_data(std::string_view data);
  void feed_eof() noexcept;
  void set_exception(std::exception_ptr error) noexcept;
  // _wait_for_data: `listener` waits (the caller has checked that no one
  // else does); reading resumes if it was paused.
  void wait_for_data(ReadListener &listener);
  // _maybe_resume_transport, after a read took data from the buffer.
  void maybe_resume_reading();
  // Begins reading from the descriptor (after the handles exist).
  void start_reading();

  // --- the writer (asyncio.StreamWriter and the transport) ---
  void write(std::string_view data);
  void write_eof();
  bool can_write_eof() const noexcept { return kind_ == Kind::Socket; }
  void close();
  bool is_closing() const noexcept { return closing_; }
  std::size_t write_buffer_size() const noexcept {
    return write_buffer_.size() - write_offset_;
  }
  bool connection_lost() const noexcept { return lost_; }
  bool writing_paused() const noexcept { return writing_paused_; }
  std::vector<Future<void>> drain_waiters;
  Future<void> closed; // set when the connection is lost

  void set_lost_listener(LostListener *listener) noexcept {
    lost_listener_ = listener;
  }

  // The last user handle went away.
  void abandon() noexcept;

private:
  void on_readable() override;
  void on_writable() override;
  void update_reading();
  void fatal_error(int error, const char *what) noexcept;
  void force_close(std::exception_ptr error) noexcept;
  void connection_lost_now(std::exception_ptr error) noexcept;
  void close_descriptor() noexcept;
  void keep_alive(bool on) noexcept;
  void on_loop_closed() noexcept override;

  struct Lost final : LoopCallback {
    StreamCore *owner = nullptr;
    std::exception_ptr error;
    void run() override;
    void discard() noexcept override;
    using LoopCallback::unlink;
  };

  Kind kind_;
  int fd_;
  bool reading_ = false;        // the transport reads (until EOF or close)
  bool reading_paused_ = false; // pause_reading() by the buffer
  bool closing_ = false;
  bool lost_ = false;    // connection_lost() called or on its way
  bool lost_queued_ = false;
  bool eof_written_ = false;
  bool writing_paused_ = false; // pause_writing(): drain() waits
  std::string write_buffer_;
  std::size_t write_offset_ = 0;
  Lost lost_callback_;
  LostListener *lost_listener_ = nullptr;
  // Set while the core must outlive its handles (data left to send, a
  // connection_lost on its way); dropped when the loop closes.
  std::shared_ptr<StreamCore> self_;
  EventLoop *loop_ = nullptr;
};

// What a StreamReader or StreamWriter holds: the core, and a reference
// shared by the handles of one connection whose end abandons it.
struct StreamHandle {
  std::shared_ptr<StreamCore> core;
  std::shared_ptr<void> user;
  static StreamHandle make(std::shared_ptr<StreamCore> core);
};

// Sets O_NONBLOCK (and FD_CLOEXEC) on `fd`.
void make_nonblocking(int fd);

} // namespace detail
} // namespace awaitc
