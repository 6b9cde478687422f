// A StreamReader fed by hand while tasks wait on it: each read resumes one
// loop iteration after the data that completes it, as the other tasks' steps
// show; a second reader waiting at the same time is a RuntimeError.
// Python: stream_reader_hops.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <stdexcept>
#include <string>

static std::string repr(const std::string &s) {
  std::string out = "b'";
  for (char c : s)
    out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out + "'";
}

AWAITC_ASYNC awaitc::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    AWAIT(awaitc::sleep(0));
  }
}

AWAITC_ASYNC awaitc::Coro<void> reading(awaitc::StreamReader reader) {
  std::printf("line %s\n", repr(AWAIT(reader.readline())).c_str());
  std::printf("exactly %s\n", repr(AWAIT(reader.readexactly(4))).c_str());
  std::printf("until %s\n", repr(AWAIT(reader.readuntil("::"))).c_str());
  std::printf("rest %s\n", repr(AWAIT(reader.read())).c_str());
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::StreamReader reader(awaitc::kDefaultStreamLimit);
  awaitc::Task<void> t = awaitc::create_task(ticker(12));
  awaitc::Task<void> r = awaitc::create_task(reading(reader));
  AWAIT(awaitc::sleep(0));
  try {
    AWAIT(reader.read(1));
  } catch (const std::logic_error &e) {
    std::printf("second reader: RuntimeError: %s\n", e.what());
  }
  for (const char *piece : {"he", "llo\nab", "cd", "ef:", ":gh", "ij"}) {
    std::printf("feed %s\n", repr(piece).c_str());
    reader.feed_data(piece);
    AWAIT(awaitc::sleep(0));
  }
  std::printf("feed eof\n");
  reader.feed_eof();
  AWAIT(r);
  AWAIT(t);
}

int main() { awaitc::run(main_coro()); }
