// A StreamReader's buffer limit (8 bytes here), fed by hand: readuntil's two
// LimitOverrunErrors (separator found beyond the limit, or not found with
// more than the limit buffered), each leaving the data buffered so that it
// can be read out with readexactly(consumed); a waiting readuntil that the
// next feed overruns; readline dropping the too-long line (ValueError) and
// going on; a line of exactly the limit; read(n) ignoring the limit; and a
// cancelled readuntil leaving the data for the next reader.
// Python: stream_reader_limit.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

static const char *py(bool b) { return b ? "True" : "False"; }

// Python's repr() of bytes, for the characters used here.
static std::string repr(const std::string &s) {
  std::string out = "b'";
  for (char ch : s)
    out += ch == '\n' ? std::string("\\n") : std::string(1, ch);
  return out + "'";
}

AWAITC_ASYNC awaitc::Coro<long long> until(awaitc::StreamReader reader,
                                           std::string sep,
                                           std::string label) {
  try {
    std::string r = AWAIT(reader.readuntil(sep));
    std::printf("%s: %s\n", label.c_str(), repr(r).c_str());
  } catch (const awaitc::LimitOverrunError &e) {
    std::printf("%s: LimitOverrunError consumed=%zu: %s\n", label.c_str(),
                e.consumed(), e.what());
    return static_cast<long long>(e.consumed());
  }
  return 0;
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::StreamReader reader(8);
  reader.feed_data("0123456789;rest");
  long long n = AWAIT(until(reader, ";", "found beyond"));
  std::string got = AWAIT(reader.readexactly(n + 1));
  std::printf("read it out: %s\n", repr(got).c_str());

  reader.feed_data("abcdefghijk");
  n = AWAIT(until(reader, ";", "not found"));
  got = AWAIT(reader.readexactly(n));
  std::printf("read it out: %s\n", repr(got).c_str());

  awaitc::Task<long long> t =
      awaitc::create_task(until(reader, "||", "waiting"));
  AWAIT(awaitc::sleep(0));
  reader.feed_data("xyz|");
  AWAIT(awaitc::sleep(0));
  std::printf("after 4 bytes: done %s\n", py(t.done()));
  reader.feed_data("uvwxyz");
  n = AWAIT(t);
  got = AWAIT(reader.readexactly(n));
  std::printf("read it out: %s\n", repr(got).c_str());

  reader.feed_data("long line here\n1234567\nshort\n");
  try {
    AWAIT(reader.readline());
  } catch (const std::invalid_argument &e) {
    std::printf("readline: ValueError: %s\n", e.what());
  }
  got = AWAIT(reader.readline());
  std::printf("readline: %s\n", repr(got).c_str());
  got = AWAIT(reader.readline());
  std::printf("readline: %s\n", repr(got).c_str());

  reader.feed_data("0123456789ABCDEF");
  got = AWAIT(reader.read(12));
  std::printf("read(12) ignores the limit: %s\n", repr(got).c_str());
  got = AWAIT(reader.read(12));
  std::printf("read(12): %s\n", repr(got).c_str());

  t = awaitc::create_task(until(reader, "!", "cancelled"));
  AWAIT(awaitc::sleep(0));
  reader.feed_data("abc");
  t.cancel();
  try {
    AWAIT(t);
  } catch (const awaitc::CancelledError &) {
    std::printf("readuntil cancelled\n");
  }
  reader.feed_data("!");
  AWAIT(until(reader, "!", "next reader"));
  reader.feed_eof();
  std::printf("at_eof %s\n", py(reader.at_eof()));
}

int main() { awaitc::run(main_coro()); }
