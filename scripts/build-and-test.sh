#!/usr/bin/env bash
# The README's test command: installs the dependencies, then builds awaitc
# and runs every test suite through CTest, twice:
#   build/       the default configuration (RelWithDebInfo)
#   build-asan/  the same with AWAITC_SANITIZE=address,undefined
#
# Environment:
#   AWAITC_JOBS=N          parallel build jobs (default: nproc)
#   AWAITC_NO_SANITIZE=1   skip the sanitizer configuration (local use only;
#                          CI always runs it)
#   AWAITC_CMAKE_ARGS=...  extra arguments for both cmake configurations
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
  ctest --test-dir "$dir" --output-on-failure
  echo "=== ${dir}: passed in $((SECONDS - start)) s"
}

configure_build_test build

if [ "${AWAITC_NO_SANITIZE:-0}" = 1 ] && [ "${CI:-}" != true ]; then
  echo "=== build-asan: skipped (AWAITC_NO_SANITIZE=1)"
else
  configure_build_test build-asan -DAWAITC_SANITIZE=address,undefined
fi

echo "=== all tests passed in ${SECONDS} s"
