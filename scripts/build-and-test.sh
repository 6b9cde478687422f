#!/usr/bin/env bash
# The README's test command: installs the dependencies, then builds awaitc
# and runs every test suite through CTest, in three configurations:
#   build/            the default configuration (RelWithDebInfo)
#   build-asan/       the same with AWAITC_SANITIZE=address,undefined
#   build-libfuzzer/  clang++-19, AWAITC_LIBFUZZER=ON: only lib/ and the
#                     libFuzzer target over the transform, and a bounded run
#                     of it (test/fuzz/tool/)
#
# Environment:
#   AWAITC_JOBS=N          parallel build jobs (default: nproc)
#   AWAITC_NO_SANITIZE=1   skip the sanitizer and libFuzzer configurations
#                          (local use only; CI always runs them)
#   AWAITC_CMAKE_ARGS=...  extra arguments for every cmake configuration
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup-deps.sh

JOBS="${AWAITC_JOBS:-$(nproc)}"
read -r -a EXTRA_ARGS <<<"${AWAITC_CMAKE_ARGS:-}"

# configure_build_test BUILD_DIR [CMAKE_ARGS...]
configure_build_test() {
  local dir="$1"
  shift
  local start=$SECONDS
  echo "=== ${dir}: configure"
  cmake -S . -B "$dir" -G Ninja "${EXTRA_ARGS[@]}" "$@"
  echo "=== ${dir}: build (${JOBS} jobs)"
  cmake --build "$dir" --parallel "$JOBS"
  echo "=== ${dir}: test"
  ctest --test-dir "$dir" --output-on-failure --parallel "$JOBS"
  echo "=== ${dir}: passed in $((SECONDS - start)) s"
}

configure_build_test build

if [ "${AWAITC_NO_SANITIZE:-0}" = 1 ] && [ "${CI:-}" != true ]; then
  echo "=== build-asan, build-libfuzzer: skipped (AWAITC_NO_SANITIZE=1)"
else
  configure_build_test build-asan -DAWAITC_SANITIZE=address,undefined
  configure_build_test build-libfuzzer -DAWAITC_LIBFUZZER=ON \
    -DCMAKE_CXX_COMPILER="$(command -v clang++-19 || echo /usr/lib/llvm-19/bin/clang++)"
fi

echo "=== all tests passed in ${SECONDS} s"
