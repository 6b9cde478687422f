// program_prelude.cpp - the start of every generated program.
//
// The generator (awaitc_robustness/generator.py) appends its functions to
// this text: they await v(...), call plain(...) and keep non-copyable Obj
// locals alive across suspensions. A valid translation unit by itself.
#include <awaitc/awaitc.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}
static int plain(int a, int b) { return a - b; }
struct Obj {
  int n;
  explicit Obj(int n) : n(n) {}
  Obj(const Obj &) = delete;
  Obj &operator=(const Obj &) = delete;
  ~Obj() {}
  int get() const { return n; }
};
