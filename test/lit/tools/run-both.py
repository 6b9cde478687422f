#!/usr/bin/env python3
"""Transpile an awaitc program once, build it with g++ and clang++, run both
builds and check that they agree, and optionally that they print what a
Python oracle (or an expected-output file) prints.

A third build is the oracle for the transform itself: the same source
transpiled with `awaitc --emit=cxx20` into C++20 coroutines on the same
runtime, built with clang++ -std=c++20 and the same warning flags; it must
print what the state-machine builds print. A test that C++20 cannot express
(a marker in a catch handler...) opts out with --no-cxx20 REASON.

Used by the lit substitution %run-both, which passes the tool and compiler
options; a test only adds what is specific to it:

  // RUN: %run-both --out %t %s | FileCheck %s
  // RUN: %run-both --out %t --expect-python %examples/x.py %examples/x.cpp

On success it prints the programs' (identical) standard output, so the result
can be piped to FileCheck, and exits 0. On any failure (tool error, compile
error, a crash, an unexpected exit status, outputs that differ) it explains
on standard error, with a diff, and exits 1.

With --run BINARY (repeatable) nothing is transpiled or compiled: the given
programs are run and compared (CTest uses this for the examples built by CMake).

With --pch-dir DIR a program whose first directive is `#include
<awaitc/awaitc.h>` is compiled with that header precompiled, once per
compiler command line (and header contents) into DIR, which lit shares
between tests: the runtime's headers are most of every test's compile time.
A precompiled header that cannot be built or used is not an error: the
compile is done as written, and its diagnostics are the ones reported.
"""

import argparse
import difflib
import fcntl
import functools
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

TIMEOUT = float(os.environ.get("AWAITC_TEST_TIMEOUT", "120"))


class Failure(Exception):
    pass


def describe_status(code):
    if code < 0:
        return "killed by signal %d" % -code
    return "exit status %d" % code


def run(cmd, what, stdin_data=None, check=True):
    """Runs cmd (a list); returns (status, stdout, stderr) as text."""
    try:
        proc = subprocess.run(cmd, input=stdin_data, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as e:
        raise Failure("%s timed out after %gs: %s" %
                      (what, TIMEOUT, " ".join(shlex.quote(c) for c in cmd)))
    except OSError as e:
        raise Failure("%s could not start: %s: %s" % (what, cmd[0], e))
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    if check and proc.returncode != 0:
        raise Failure("%s failed (%s): %s\n%s%s" % (
            what, describe_status(proc.returncode),
            " ".join(shlex.quote(c) for c in cmd), err, out))
    return proc.returncode, out, err


RUNTIME_HEADER = "awaitc/awaitc.h"
FIRST_DIRECTIVE = re.compile(rb"^[ \t]*#[ \t]*(?!line\b)(.*)$", re.M)


def starts_with_runtime_header(path):
    """Whether the first directive of `path` other than #line includes the
    runtime's header, so that including it first changes nothing."""
    with open(path, "rb") as f:
        m = FIRST_DIRECTIVE.search(f.read())
    return bool(m) and re.fullmatch(
        rb"include[ \t]*<%s>[ \t]*" % re.escape(RUNTIME_HEADER.encode()),
        m.group(1).rstrip(b"\r")) is not None


@functools.lru_cache(maxsize=None)
def header_fingerprint(include_dir):
    """The runtime headers' names, sizes, times and contents: a precompiled
    header is stale when any of them changes (Clang also checks the times).
    Read once per run, however many builds a test makes."""
    h = hashlib.sha256()
    for root, dirs, files in os.walk(include_dir):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            st = os.stat(path)
            h.update(("%s %d %d\n" % (os.path.relpath(path, include_dir),
                                       st.st_size, st.st_mtime_ns)).encode())
            with open(path, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def precompiled_header(pch_dir, compile_flags, include_dir):
    """Returns the flags that use the runtime header precompiled for
    `compile_flags` (a compiler and its options), building it under a lock
    if this is its first use; [] if it cannot be built."""
    compiler = shutil.which(compile_flags[0]) or compile_flags[0]
    is_gcc = "clang" not in os.path.basename(os.path.realpath(compiler))
    headers = header_fingerprint(include_dir)
    key = hashlib.sha256("\0".join(
        [os.path.realpath(compiler), str(os.stat(compiler).st_mtime_ns),
         headers] + compile_flags).encode()).hexdigest()[:20]
    entry = os.path.join(pch_dir, key)
    header = os.path.join(entry, "runtime.h")
    # g++ finds runtime.h.gch itself when -include names runtime.h, and
    # falls back to the header if the .gch does not fit; clang is told.
    built = header + (".gch" if is_gcc else ".pch")
    use = (["-include", header] if is_gcc else ["-include-pch", built])
    if os.path.exists(built):
        return use
    os.makedirs(entry, exist_ok=True)
    with open(os.path.join(entry, "lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.exists(built):
            return use
        if os.path.exists(os.path.join(entry, "failed")):
            return []
        with open(header, "w") as f:
            f.write("#include <%s>\n" % RUNTIME_HEADER)
        with open(os.path.join(entry, "headers"), "w") as f:
            f.write(headers)
        partial = built + ".partial"
        code, _, _ = run(compile_flags + ["-x", "c++-header", header,
                                          "-o", partial],
                         "precompiling the runtime header", check=False)
        if code != 0:
            open(os.path.join(entry, "failed"), "w").close()
            return []
        os.replace(partial, built)
    forget_stale_headers(pch_dir, headers)
    return use


def forget_stale_headers(pch_dir, headers):
    """Removes what was precompiled from headers that have changed since:
    nothing can use it again, and each set is ~100 MB."""
    for name in os.listdir(pch_dir):
        try:
            with open(os.path.join(pch_dir, name, "headers")) as f:
                stale = f.read() != headers
        except OSError:
            continue
        if stale:
            shutil.rmtree(os.path.join(pch_dir, name), ignore_errors=True)


def compile_program(flags, source_dir, source, output, runtime_lib, pch_dir,
                    include_dir, what):
    """Compiles and links `source` with `flags` and `-I source_dir`; with the
    runtime header precompiled when one can stand in for the source's first
    include (shared by every source, hence built without `-I source_dir`)."""
    include_source_dir = ["-I" + source_dir]
    if pch_dir and starts_with_runtime_header(source):
        pch = precompiled_header(pch_dir, flags, include_dir)
        if pch:
            code, _, _ = run(flags + include_source_dir + pch +
                             [source, runtime_lib, "-o", output],
                             what, check=False)
            if code == 0:
                return
            # Whatever went wrong, the compile as written says it best.
    run(flags + include_source_dir + [source, runtime_lib, "-o", output], what)


def diff(a, b, name_a, name_b):
    return "".join(difflib.unified_diff(
        a.splitlines(True), b.splitlines(True), name_a, name_b))


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    # Filled in by lit.cfg.py.
    p.add_argument("--awaitc", help="the awaitc tool")
    p.add_argument("--awaitc-include", help="runtime include dir")
    p.add_argument("--runtime-lib", help="libawaitc_runtime.a")
    p.add_argument("--python", default=sys.executable, help="python3 for --expect-python")
    p.add_argument("--pch-dir", help="where precompiled runtime headers are "
                   "kept between runs (default: none are used)")
    p.add_argument("--cxx-gcc", help="g++ command line (one string)")
    p.add_argument("--cxx-clang", help="clang++ command line (one string)")
    p.add_argument("--cxx-cxx20", help="clang++ -std=c++20 command line for the "
                   "C++20 coroutine build (one string)")
    # Per test.
    p.add_argument("--out", help="prefix for the files made (default: a temp dir)")
    p.add_argument("--compilers", default="gcc,clang",
                   help="comma-separated subset of gcc,clang (default both)")
    p.add_argument("--no-cxx20", metavar="REASON",
                   help="skip the C++20 coroutine build, for REASON (what C++20 "
                   "cannot express, or the known bug that makes it disagree)")
    p.add_argument("--expect-python", metavar="PY",
                   help="the programs must print exactly what this Python script prints")
    p.add_argument("--expect", metavar="FILE",
                   help="the programs must print exactly the contents of FILE")
    p.add_argument("--expect-exit", type=int, default=0, metavar="N",
                   help="expected exit status of the programs (default 0)")
    p.add_argument("--stdin", metavar="FILE", help="feed FILE to the programs")
    p.add_argument("--cxxflag", action="append", default=[], metavar="FLAG",
                   help="extra flag for both compilers and the tool (repeatable)")
    p.add_argument("--awaitc-arg", action="append", default=[], metavar="ARG",
                   help="extra option for the tool, before its input (repeatable)")
    p.add_argument("--arg", action="append", default=[], metavar="ARG",
                   help="command-line argument for the programs (repeatable)")
    p.add_argument("--run", action="append", default=[], metavar="BINARY",
                   help="only run these prebuilt programs and compare (repeatable)")
    p.add_argument("source", nargs="?", help="the awaitc source to test")
    a = p.parse_args()

    stdin_data = None
    if a.stdin:
        with open(a.stdin, "rb") as f:
            stdin_data = f.read()

    programs = []  # (name, path)
    if a.run:
        if a.source:
            p.error("--run takes no source")
        programs = [(os.path.basename(b), os.path.abspath(b)) for b in a.run]
    else:
        if not a.source:
            p.error("a source file is required")
        for opt in ("awaitc", "awaitc_include", "runtime_lib"):
            if not getattr(a, opt):
                p.error("--%s is required" % opt.replace("_", "-"))
        src = os.path.abspath(a.source)
        if a.out:
            prefix = os.path.abspath(a.out)
            os.makedirs(os.path.dirname(prefix), exist_ok=True)
        else:
            prefix = os.path.join(tempfile.mkdtemp(prefix="awaitc-run-"),
                                  os.path.splitext(os.path.basename(src))[0])
        generated = prefix + ".awaitc.cpp"
        if os.path.exists(generated):
            os.remove(generated)

        # 1. Transpile once.
        tool_cmd = ([a.awaitc] + a.awaitc_arg + [src, "-o", generated, "--",
                    "-std=c++17", "-I" + a.awaitc_include] + a.cxxflag)
        run(tool_cmd, "awaitc")
        if not os.path.exists(generated):
            raise Failure("awaitc succeeded but wrote no %s" % generated)

        # 2. Build with each compiler. The generated file lives in the build
        # tree: -I<source dir> keeps the source's own "quoted" includes working.
        compilers = [c.strip() for c in a.compilers.split(",") if c.strip()]
        for name in compilers:
            cmdline = {"gcc": a.cxx_gcc, "clang": a.cxx_clang}.get(name)
            if not cmdline:
                raise Failure("no command for compiler %r (use --cxx-%s)" % (name, name))
            exe = "%s.%s" % (prefix, name)
            compile_program(
                shlex.split(cmdline) + a.cxxflag, os.path.dirname(src),
                generated, exe, a.runtime_lib, a.pch_dir, a.awaitc_include,
                "compiling the generated code with " + name)
            programs.append((name, exe))

        # 3. The C++20 coroutine build.
        if not a.no_cxx20:
            if not a.cxx_cxx20:
                raise Failure("no command for the C++20 build (use --cxx-cxx20, "
                              "or --no-cxx20 REASON)")
            coroutines = prefix + ".cxx20.cpp"
            if os.path.exists(coroutines):
                os.remove(coroutines)
            run([a.awaitc, "--emit=cxx20"] + a.awaitc_arg +
                [src, "-o", coroutines, "--", "-std=c++17",
                 "-I" + a.awaitc_include] + a.cxxflag, "awaitc --emit=cxx20")
            exe = prefix + ".cxx20"
            compile_program(
                shlex.split(a.cxx_cxx20) + a.cxxflag, os.path.dirname(src),
                coroutines, exe, a.runtime_lib, a.pch_dir, a.awaitc_include,
                "compiling the C++20 coroutines with clang")
            programs.append(("cxx20", exe))

    # 4. Run every build.
    results = []
    for name, exe in programs:
        code, out, err = run([exe] + a.arg, "the %s build" % name,
                             stdin_data=stdin_data, check=False)
        if err:
            sys.stderr.write("--- stderr of the %s build ---\n%s" % (name, err))
        if code != a.expect_exit:
            raise Failure("the %s build ended with %s, expected exit status %d\n"
                          "--- its stdout ---\n%s" %
                          (name, describe_status(code), a.expect_exit, out))
        results.append((name, out))

    # 5. Compare.
    first_name, first_out = results[0]
    for name, out in results[1:]:
        if out != first_out:
            raise Failure("the %s and %s builds print different output:\n%s" % (
                first_name, name, diff(first_out, out, first_name, name)))

    expected = None
    if a.expect_python:
        # The oracle gets the same arguments and must end the same way.
        code, expected, err = run([a.python, a.expect_python] + a.arg,
                                  "the Python oracle " + a.expect_python,
                                  stdin_data=stdin_data, check=False)
        if code != a.expect_exit:
            raise Failure("the Python oracle %s exited with %s, not %d:\n%s" %
                          (a.expect_python, describe_status(code),
                           a.expect_exit, err))
        expected_name = os.path.basename(a.expect_python)
    elif a.expect:
        with open(a.expect, encoding="utf-8") as f:
            expected = f.read()
        expected_name = os.path.basename(a.expect)
    if expected is not None and expected != first_out:
        raise Failure("the C++ programs do not print what %s prints:\n%s" % (
            expected_name, diff(expected, first_out, expected_name, "C++ (" +
                                ", ".join(n for n, _ in results) + ")")))

    sys.stdout.write(first_out)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as e:
        sys.stderr.write("run-both: error: %s\n" % e)
        sys.exit(1)
