#!/usr/bin/env bash
# Installs the Debian 12 packages awaitc needs to build and test:
# LLVM/Clang 19 (tool, lit, FileCheck, clang++ and its sanitizer runtimes),
# CMake, Ninja, g++, GoogleTest, valgrind, standalone Asio (the echo
# benchmark's C++20 comparison), Python 3 and Graphviz (which renders
# --emit=dot's output in the tests).
#
# Idempotent and quiet: does nothing (no apt-get update) when every package
# is already installed. Works as root; otherwise uses sudo.
set -euo pipefail

PACKAGES=(
  clang-19 libclang-19-dev llvm-19-dev llvm-19-tools libclang-rt-19-dev
  cmake ninja-build g++ make
  libgtest-dev libgmock-dev
  valgrind
  libasio-dev
  python3
  graphviz
  diffutils
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null |
      grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "setup-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
  SUDO=(sudo)
fi

echo "setup-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq -o=Dpkg::Use-Pty=0 "${missing[@]}" >/dev/null
echo "setup-deps: done"
