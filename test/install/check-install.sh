#!/usr/bin/env bash
# The install test: `cmake --install` the build tree into a fresh prefix,
# check that the tool, the headers and the runtime library are there, then,
# from a directory outside both the source and the build tree, transpile a
# small program with the installed tool, build it with g++ against the
# installed headers and library only, run it and check what it prints.
#
# Usage: check-install.sh <build-dir> [<c++ compiler> [<extra flag>...]]
#   The extra flags go to the compiler (a sanitizer build passes its
#   -fsanitize=... flags, which the installed runtime library needs).
set -euo pipefail

build="$1"
cxx="${2:-g++}"
shift $(($# < 2 ? $# : 2))
extra_flags=("$@")

work="$(mktemp -d "${TMPDIR:-/tmp}/awaitc-install.XXXXXX")"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

fail() {
  echo "check-install: FAIL: $*" >&2
  exit 1
}

echo "=== cmake --install $build --prefix $prefix"
cmake --install "$build" --prefix "$prefix"

echo "=== installed files"
[ -x "$prefix/bin/awaitc" ] || fail "missing $prefix/bin/awaitc"
[ -f "$prefix/lib/libawaitc_runtime.a" ] || fail "missing $prefix/lib/libawaitc_runtime.a"
for header in awaitc awaitable coro errors generator loop run sleep task \
              detail/frame detail/task_base; do
  [ -f "$prefix/include/awaitc/$header.h" ] ||
    fail "missing $prefix/include/awaitc/$header.h"
done
"$prefix/bin/awaitc" --version

# Outside the source and build trees, with nothing but the prefix.
mkdir "$work/project"
cd "$work/project"
cat >x.cpp <<'CPP'
#include <awaitc/awaitc.h>
#include <cstddef>   // a builtin header of Clang's: found by the installed tool
#include <cstdio>
#include <string>

AWAITC_ASYNC awaitc::Coro<int> twice(int x) {
  AWAIT(awaitc::sleep(0));
  return 2 * x;
}

AWAITC_GENERATOR awaitc::Generator<int> up_to(int n) {
  for (int i = 0; i < n; ++i)
    YIELD(i);
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::string label = "twice";
  int value = AWAIT(twice(21));
  awaitc::Task<int> task = awaitc::create_task(twice(1));
  std::printf("%s %d %d\n", label.c_str(), value, AWAIT(task));
}

int main() {
  awaitc::run(main_coro());
  std::size_t sum = 0;
  for (int v : up_to(5))
    sum += static_cast<std::size_t>(v);
  std::printf("sum %zu\n", sum);
}
CPP

echo "=== transpile with the installed tool"
"$prefix/bin/awaitc" x.cpp -o y.cpp -- -std=c++17 "-I$prefix/include"
echo "=== compile with $cxx against the installed headers and library"
"$cxx" -std=c++17 -Wall -Wextra -Werror "${extra_flags[@]}" y.cpp \
  "-I$prefix/include" "$prefix/lib/libawaitc_runtime.a" -pthread -o prog
echo "=== run"
./prog >out.txt
cat out.txt
printf 'twice 42 2\nsum 10\n' >expected.txt
diff -u expected.txt out.txt || fail "unexpected output"
echo "check-install: OK"
