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
"""

import argparse
import difflib
import os
import shlex
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
            cmd = (shlex.split(cmdline) + ["-I" + os.path.dirname(src)] +
                   a.cxxflag + [generated, a.runtime_lib, "-o", exe])
            run(cmd, "compiling the generated code with " + name)
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
            cmd = (shlex.split(a.cxx_cxx20) + ["-I" + os.path.dirname(src)] +
                   a.cxxflag + [coroutines, a.runtime_lib, "-o", exe])
            run(cmd, "compiling the C++20 coroutines with clang")
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
