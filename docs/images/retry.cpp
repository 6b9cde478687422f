// The input of docs/images/retry.svg (docs/design.md, "Pipeline"):
//   awaitc --emit=dot retry.cpp -o retry.dot -- -std=c++17 -I runtime/include
//   dot -Tsvg retry.dot -o retry.svg
#include <awaitc/awaitc.h>
#include <stdexcept>
#include <string>

struct IoError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
awaitc::Coro<std::string> get(const std::string &path);

AWAITC_ASYNC awaitc::Coro<std::string> fetch_with_retry(std::string path,
                                                        int tries) {
  for (int i = 0; i < tries; ++i) {
    try {
      return AWAIT(get(path));
    } catch (const IoError &) {
      AWAIT(awaitc::sleep(0.1 * (i + 1)));
    }
  }
  throw IoError("gave up on " + path);
}
