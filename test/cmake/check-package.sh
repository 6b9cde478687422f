#!/usr/bin/env bash
# The cmake-package test: install the build tree into a fresh prefix, then
# build examples/multi_tu as a CMake project of its own, outside the source
# and build trees, with find_package(awaitc CONFIG) and
# awaitc_target_sources(), once with Ninja and once with Unix Makefiles
# (there through AWAITC_EXECUTABLE, a wrapper around the installed tool).
# For each generator it checks that
#   - the package files are installed and the project configures without
#     CMake warnings;
#   - the build transpiles the three files, and the program prints what the
#     Python twin multi_tu.py prints; the header's inline coroutine is
#     defined once in the program;
#   - a second build does nothing; touching the shared header reruns the
#     tool for both sources that include it (their depfiles list it), and so
#     does touching an installed runtime header;
#   - a compile error in a source is reported at the user's file and line
#     (the #line directives), not in the generated file; fixing it builds.
# Then, with Ninja, the same project with EMIT cxx20 (-DMULTI_TU_EMIT=cxx20):
# it transpiles to C++20 coroutines, builds as C++20 and prints the same.
#
# Usage: check-package.sh <build-dir> <source-dir> <python3> [<c++ compiler> [<flag>...]]
#   The flags go to CMAKE_CXX_FLAGS (a sanitizer build passes its
#   -fsanitize=... flags, which the installed runtime library needs).
set -euo pipefail

build="$1"
source_dir="$2"
python="$3"
cxx="${4:-c++}"
shift $(($# < 4 ? $# : 4))
flags="$*"

work="$(mktemp -d "${TMPDIR:-/tmp}/awaitc-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

fail() {
  echo "check-package: FAIL: $*" >&2
  exit 1
}

# Build output must not be taken for a build that did nothing only because
# a file's time stamp did not move: wait for the clock before touching.
touch_later() {
  sleep 1
  touch "$@"
}

echo "=== cmake --install $build --prefix $prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in awaitcConfig.cmake awaitcConfigVersion.cmake awaitcTargets.cmake \
         awaitcTargetSources.cmake; do
  [ -f "$prefix/lib/cmake/awaitc/$f" ] || fail "missing $prefix/lib/cmake/awaitc/$f"
done

"$python" "$source_dir/examples/multi_tu/multi_tu.py" >"$work/expected.txt"

# A stand-in for the tool, to check that AWAITC_EXECUTABLE is obeyed.
cat >"$work/awaitc-wrapper" <<EOF
#!/bin/sh
echo "\$@" >>"$work/wrapper.log"
exec "$prefix/bin/awaitc" "\$@"
EOF
chmod +x "$work/awaitc-wrapper"

check_generator() {
  local generator="$1" slug="$2"
  shift 2
  local project="$work/$slug/src" bdir="$work/$slug/build" log="$work/$slug/log"
  mkdir -p "$work/$slug"
  cp -r "$source_dir/examples/multi_tu" "$project"

  echo "=== [$generator] configure"
  cmake -S "$project" -B "$bdir" -G "$generator" -DCMAKE_BUILD_TYPE=Debug \
    "-DCMAKE_PREFIX_PATH=$prefix" "-DCMAKE_CXX_COMPILER=$cxx" \
    "-DCMAKE_CXX_FLAGS=$flags" "$@" >"$log" 2>&1 || { cat "$log"; fail "configure"; }
  if grep -q "CMake Warning\|CMake Deprecation" "$log"; then
    cat "$log"
    fail "[$generator] CMake warnings while configuring"
  fi

  echo "=== [$generator] build"
  cmake --build "$bdir" >"$log" 2>&1 || { cat "$log"; fail "[$generator] build"; }
  for f in main.cpp worker.cpp shared.h; do
    grep -q "awaitc: transpiling $f" "$log" || { cat "$log"; fail "[$generator] $f was not transpiled"; }
  done
  "$bdir/multi_tu" >"$work/$slug/out.txt"
  diff -u "$work/expected.txt" "$work/$slug/out.txt" ||
    fail "[$generator] the program does not print what multi_tu.py prints"
  local defs
  defs="$(nm -C --defined-only "$bdir/multi_tu" | grep -c ' step(char const\*, int)$' || true)"
  [ "$defs" = 1 ] || fail "[$generator] step() is defined $defs times in the program, not once"

  echo "=== [$generator] rebuild: nothing to do"
  cmake --build "$bdir" >"$log" 2>&1 || { cat "$log"; fail "[$generator] rebuild"; }
  if grep -q "transpiling\|Building CXX" "$log"; then
    cat "$log"
    fail "[$generator] an up-to-date build did work"
  fi

  echo "=== [$generator] touch shared.h: both sources are transpiled again (depfile)"
  touch_later "$project/shared.h"
  cmake --build "$bdir" >"$log" 2>&1 || { cat "$log"; fail "[$generator] build after touching shared.h"; }
  for f in main.cpp worker.cpp shared.h; do
    grep -q "awaitc: transpiling $f" "$log" ||
      { cat "$log"; fail "[$generator] touching shared.h did not rerun the tool on $f"; }
  done

  echo "=== [$generator] touch an installed runtime header: transpiled again"
  touch_later "$prefix/include/awaitc/sleep.h"
  cmake --build "$bdir" >"$log" 2>&1 || { cat "$log"; fail "[$generator] build after touching sleep.h"; }
  grep -q "awaitc: transpiling worker.cpp" "$log" ||
    { cat "$log"; fail "[$generator] touching <awaitc/sleep.h> did not rerun the tool"; }

  echo "=== [$generator] a compile error is reported at the user's line"
  cp "$project/worker.cpp" "$work/$slug/worker.cpp.good"
  # Only the compiler (g++) sees the error, the tool (Clang) does not: the
  # message's location comes from the #line directives.
  printf '%s\n' '#ifndef __clang__' '#error "multi_tu: broken on purpose"' '#endif' \
    >>"$project/worker.cpp"
  local line
  line="$(grep -n 'broken on purpose' "$project/worker.cpp" | cut -d: -f1)"
  if cmake --build "$bdir" >"$log" 2>&1; then
    cat "$log"
    fail "[$generator] the broken source built"
  fi
  grep -q "^$project/worker.cpp:$line:[0-9]*: error: #error \"multi_tu: broken on purpose\"" "$log" ||
    { cat "$log"; fail "[$generator] the error is not reported at worker.cpp:$line"; }
  if grep -q "worker.awaitc.cpp:[0-9]*:[0-9]*: error" "$log"; then
    cat "$log"
    fail "[$generator] the error is reported in the generated file"
  fi
  cp "$work/$slug/worker.cpp.good" "$project/worker.cpp"
  touch_later "$project/worker.cpp"
  cmake --build "$bdir" >"$log" 2>&1 || { cat "$log"; fail "[$generator] build after the fix"; }
  "$bdir/multi_tu" >"$work/$slug/out.txt"
  diff -u "$work/expected.txt" "$work/$slug/out.txt" || fail "[$generator] output after the fix"
}

check_generator Ninja ninja
rm -f "$work/wrapper.log"
check_generator "Unix Makefiles" make "-DAWAITC_EXECUTABLE=$work/awaitc-wrapper"
grep -q -- "--depfile=" "$work/wrapper.log" ||
  fail "AWAITC_EXECUTABLE was not used by awaitc_target_sources"

echo "=== [Ninja] EMIT cxx20"
project="$work/cxx20/src" bdir="$work/cxx20/build" log="$work/cxx20/log"
mkdir -p "$work/cxx20"
cp -r "$source_dir/examples/multi_tu" "$project"
cmake -S "$project" -B "$bdir" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  "-DCMAKE_PREFIX_PATH=$prefix" "-DCMAKE_CXX_COMPILER=$cxx" \
  "-DCMAKE_CXX_FLAGS=$flags" -DMULTI_TU_EMIT=cxx20 >"$log" 2>&1 ||
  { cat "$log"; fail "[cxx20] configure"; }
cmake --build "$bdir" -v >"$log" 2>&1 || { cat "$log"; fail "[cxx20] build"; }
grep -q -- "--emit=cxx20" "$log" || { cat "$log"; fail "[cxx20] the tool did not get --emit=cxx20"; }
grep -q -- "-std=\(gnu\|c\)++20" "$log" || { cat "$log"; fail "[cxx20] not compiled as C++20"; }
grep -q "co_await" "$bdir/awaitc/worker.awaitc.cpp" || fail "[cxx20] worker.cpp did not become coroutines"
"$bdir/multi_tu_cxx20" >"$work/cxx20/out.txt"
diff -u "$work/expected.txt" "$work/cxx20/out.txt" ||
  fail "[cxx20] the program does not print what multi_tu.py prints"
echo "check-package: OK"
