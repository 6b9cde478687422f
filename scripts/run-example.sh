#!/usr/bin/env bash
# The README's main job: installs the dependencies, builds the awaitc tool
# and runtime, then shows the tool at work on one example:
#   1. transpiles examples/spec_snippet.cpp (or the example given) to C++17,
#   2. compiles the result with g++ and links the runtime,
#   3. runs the program.
#
# Usage: scripts/run-example.sh [NAME | path/to/file.cpp]
#   NAME is an example in examples/ (spec_snippet, await_task, ...).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

example="${1:-spec_snippet}"
if [ -f "$example" ]; then
  src="$(cd "$(dirname "$example")" && pwd)/$(basename "$example")"
else
  src="$ROOT/examples/${example%.cpp}.cpp"
fi
if [ ! -f "$src" ]; then
  echo "run-example: no such example: $example (see examples/)" >&2
  exit 2
fi
name="$(basename "${src%.cpp}")"

bash scripts/setup-deps.sh

BUILD="$ROOT/build"
JOBS="${AWAITC_JOBS:-$(nproc)}"
echo "=== building the awaitc tool and runtime in build/"
mkdir -p "$BUILD"
cmake -S . -B "$BUILD" -G Ninja >"$BUILD/configure.log" 2>&1 || {
  cat "$BUILD/configure.log" >&2
  exit 1
}
cmake --build "$BUILD" --parallel "$JOBS" --target awaitc awaitc_runtime

AWAITC="$BUILD/bin/awaitc"
RUNTIME_LIB="$(find "$BUILD/runtime" -name 'libawaitc_runtime.a' -print -quit)"
if [ ! -x "$AWAITC" ] || [ -z "$RUNTIME_LIB" ]; then
  echo "run-example: build did not produce $AWAITC and libawaitc_runtime.a" >&2
  exit 1
fi
INCLUDE="$ROOT/runtime/include"
OUT="$BUILD/run-example"
mkdir -p "$OUT"

run() {
  echo "\$ $*"
  "$@"
}

echo "=== 1. transpile"
run "$AWAITC" "$src" -o "$OUT/$name.awaitc.cpp" -- -std=c++17 "-I$INCLUDE"
echo "=== 2. compile"
run g++ -std=c++17 -Wall -Wextra "-I$INCLUDE" "-I$(dirname "$src")" \
  "$OUT/$name.awaitc.cpp" "$RUNTIME_LIB" -pthread -o "$OUT/$name"
echo "=== 3. run"
run "$OUT/$name"
