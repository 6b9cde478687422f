# -*- Python -*-
# lit configuration for awaitc's tool and end-to-end tests.
#
# Substitutions available in RUN lines (see docs/user-guide.md#tests too):
#   %awaitc          the awaitc tool built in this tree
#   %awaitc-include  the runtime's public include dir (for -I)
#   %runtime-lib     path of libawaitc_runtime.a
#   %cxx-gcc         g++ -std=c++17 -Wall -Wextra -Werror -I<include> [-fsanitize=...] -pthread
#   %cxx-clang       clang++ (LLVM 19) with the same flags
#   %cxx20-clang     the same with -std=c++20 -Wno-dangling-else (for
#                    --emit=cxx20 output)
#   %clang-syntax    clang++ -fsyntax-only with the flags clangd needs for an
#                    untransformed source (-Wno-return-mismatch ...)
#   %python          python3
#   %run-both        test/lit/tools/run-both.py: transpile once, build with
#                    g++ and clang++, and once more with --emit=cxx20 and
#                    clang++ -std=c++20, run all, compare outputs (and with
#                    the Python oracle); prints the agreed stdout for FileCheck
#   %{strict-warnings} options for %run-both: also -Wpedantic -Wshadow
#                    -Wconversion (for tests whose own source is clean)
#   %examples        the examples/ source dir
#   %tools           test/lit/tools
# FileCheck, not, count and split-file come from LLVM 19's bin dir, which is
# put first in PATH.
#
# Features: gcc, clang, python3, and sanitize (+ asan / ubsan) when the build
# was configured with AWAITC_SANITIZE.

import os
import shlex
import shutil

import lit.formats
import lit.util

config.name = "awaitc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "tools", "lit.cfg.py", "lit.site.cfg.py",
                   "CMakeLists.txt", "README.md"]

config.test_source_root = os.path.dirname(__file__)
if getattr(config, "awaitc_obj_root", None):
    config.test_exec_root = os.path.join(config.awaitc_obj_root, "test", "lit")
else:
    lit_config.fatal("lit.site.cfg.py was not loaded: run lit on the build "
                     "directory's test/lit (configured by CMake)")

# --- environment ---------------------------------------------------------
# Keep the environment small and predictable, but keep what the compilers
# and sanitizers need.
for var in ["HOME", "TMPDIR", "TMP", "TEMP", "LANG", "LC_ALL", "CCACHE_DIR",
            "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"]:
    if var in os.environ:
        config.environment[var] = os.environ[var]

path = [config.llvm_tools_dir] if config.llvm_tools_dir else []
path.append(os.environ.get("PATH", "/usr/bin:/bin"))
config.environment["PATH"] = os.pathsep.join(path)

# Sanitizer reports must fail the test and be readable.
if config.awaitc_sanitize:
    config.environment.setdefault(
        "ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0:strict_string_checks=1")
    config.environment.setdefault(
        "UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")

# --- tools ---------------------------------------------------------------
def q(s):
    return shlex.quote(s)

tools_dir = os.path.join(config.test_source_root, "tools")
examples_dir = os.path.join(config.awaitc_src_root, "examples")
python = config.python_executable or shutil.which("python3") or "python3"

common_flags = ["-std=c++17", "-Wall", "-Wextra", "-Werror",
                "-I" + config.awaitc_include_dir]
# Generated code must be as clean as the user's own under a strict project's
# warnings; a test whose own source is clean under them adds %{strict-warnings}
# to %run-both (not every test's source is: `S(int x) : x(x) {}` is
# reported by g++'s -Wshadow).
strict_warnings = " ".join("--cxxflag=" + f for f in
                           ["-Wpedantic", "-Wshadow", "-Wconversion"])
if config.awaitc_sanitize:
    common_flags += ["-fsanitize=" + config.awaitc_sanitize,
                     "-fno-omit-frame-pointer", "-fno-sanitize-recover=all"]
    config.available_features.add("sanitize")
    for s in config.awaitc_sanitize.split(","):
        if s == "address":
            config.available_features.add("asan")
        elif s == "undefined":
            config.available_features.add("ubsan")
common_flags.append("-pthread")

cxx_gcc = " ".join(q(a) for a in [config.gxx] + common_flags)
cxx_clang = " ".join(q(a) for a in [config.clangxx] + common_flags)
# The markers are macros, which keep Clang from warning about an ambiguous
# `else` after `if (a) if (b) YIELD(x); else ...`; the C++20 output spells
# co_yield where the macro was, and would.
cxx20_clang = " ".join(q(a) for a in [config.clangxx] + [
    "-std=c++20" if f == "-std=c++17" else f for f in common_flags] +
    ["-Wno-dangling-else"])
clang_syntax = " ".join(q(a) for a in [
    config.clangxx, "-fsyntax-only", "-std=c++17", "-Wall", "-Wextra",
    "-Werror", "-Wno-return-mismatch", "-Wno-return-type",
    "-I" + config.awaitc_include_dir])

if config.gxx and os.path.exists(config.gxx):
    config.available_features.add("gcc")
if config.clangxx and os.path.exists(config.clangxx):
    config.available_features.add("clang")
if python:
    config.available_features.add("python3")
# Graphviz renders --emit=dot's output (scripts/setup-deps.sh installs it).
if shutil.which("dot"):
    config.available_features.add("graphviz")

# The runtime's headers are most of each run test's compile time: %run-both
# precompiles them once per compiler command line into the build tree
# (AWAITC_LIT_PCH=0 compiles every test from the headers).
pch_dir = ([] if os.environ.get("AWAITC_LIT_PCH", "1") == "0" else
           ["--pch-dir", os.path.join(config.awaitc_obj_root, "test", "lit",
                                      "pch")])
run_both = " ".join(q(a) for a in [
    python, os.path.join(tools_dir, "run-both.py"),
    "--awaitc", config.awaitc_tool,
    "--awaitc-include", config.awaitc_include_dir,
    "--runtime-lib", config.awaitc_runtime_lib,
    "--python", python,
] + pch_dir + [
    "--cxx-gcc", cxx_gcc,
    "--cxx-clang", cxx_clang,
    "--cxx-cxx20", cxx20_clang,
] + ([
    # The oracle's verdict does not depend on the sanitizers, and the plain
    # configuration already compares every run test with its C++20 build;
    # here the state-machine builds are what the sanitizers check.
    "--no-cxx20", "compared in the configuration without sanitizers",
    # Likewise the g++ build is compared with clang++'s there; under the
    # sanitizers one build of the state machines is checked, which halves
    # the time of this configuration's lit run.
    "--compilers", "clang",
] if config.awaitc_sanitize else []))

# Longer names first: lit applies substitutions in order, and `%awaitc`
# would otherwise eat the start of `%awaitc-include`.
config.substitutions += [
    ("%awaitc-include", q(config.awaitc_include_dir)),
    ("%awaitc", q(config.awaitc_tool)),
    ("%runtime-lib", q(config.awaitc_runtime_lib)),
    ("%run-both", run_both),
    ("%{strict-warnings}", strict_warnings),
    ("%cxx-gcc", cxx_gcc),
    ("%cxx-clang", cxx_clang),
    ("%cxx20-clang", cxx20_clang),
    ("%clang-syntax", clang_syntax),
    ("%examples", q(examples_dir)),
    ("%tools", q(tools_dir)),
    ("%python", q(python)),
]
