"""Transpiles, builds and runs one program in every configuration.

Configurations (each a Build):
  gcc     state machines, g++ -std=c++17 -O0, the build tree's runtime
  clang   state machines, clang++-19 -std=c++17 -O2, the build tree's runtime
  asan    state machines, clang++-19 -O1 -fsanitize=address,undefined, with
          a sanitizer build of the runtime made once per runtime version
  cxx20   the oracle: `awaitc --emit=cxx20`, clang++-19 -std=c++20, with a
          C++20 build of the runtime (only if the tool has --emit)

Nothing here decides what a failure is: see oracle.py.
"""

import copy
import fcntl
import glob
import hashlib
import os
import resource
import shlex
import signal
import subprocess
import time


class Result:
    def __init__(self, cmd, rc, out, err, timed_out, seconds):
        self.cmd = cmd
        self.rc = rc
        self.out = out
        self.err = err
        self.timed_out = timed_out
        self.seconds = seconds

    def command_line(self):
        return " ".join(shlex.quote(c) for c in self.cmd)


def _cpu_limit(seconds):
    def apply():
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 5))
    return apply


def run(cmd, timeout, cwd=None, env=None):
    """Runs cmd with `timeout` seconds of CPU time (a shared, loaded machine
    must not turn slowness into hangs) and ten times that of wall time."""
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout * 10, cwd=cwd, env=env,
                           preexec_fn=_cpu_limit(int(timeout)))
        if p.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
            return Result(cmd, None, p.stdout.decode("utf-8", "replace"),
                          p.stderr.decode("utf-8", "replace"), True,
                          time.monotonic() - start)
        return Result(cmd, p.returncode, p.stdout.decode("utf-8", "replace"),
                      p.stderr.decode("utf-8", "replace"), False,
                      time.monotonic() - start)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        err = (e.stderr or b"").decode("utf-8", "replace")
        return Result(cmd, None, out, err, True, time.monotonic() - start)


WARN = ["-Wall", "-Wextra"]
SANITIZE = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all",
            "-fno-omit-frame-pointer"]


class Toolchain:
    """Where the tool, compilers and runtime are; all from options."""

    def __init__(self, awaitc, include, prelude, runtime_lib, runtime_src,
                 gxx, clangxx, cache_dir, oracle="auto", sanitize=True,
                 compile_timeout=120, run_timeout=20):
        self.awaitc = awaitc
        self.include = include
        self.prelude = prelude
        self.runtime_lib = runtime_lib
        self.runtime_src = runtime_src
        self.gxx = gxx
        self.clangxx = clangxx
        self.cache_dir = cache_dir
        self.compile_timeout = compile_timeout
        self.run_timeout = run_timeout
        self.sanitize = sanitize
        if oracle == "auto":
            self.oracle = self.tool_has_cxx20()
        else:
            self.oracle = oracle == "on"

    def scaled(self, programs):
        """The same toolchain with time limits for a batch of programs."""
        tc = copy.copy(self)
        tc.compile_timeout = self.compile_timeout * max(1, programs // 2)
        tc.run_timeout = self.run_timeout * programs
        return tc

    def tool_has_cxx20(self):
        r = run([self.awaitc, "--help"], 60)
        return "--emit" in r.out + r.err

    def includes(self):
        return ["-I" + self.include, "-I" + self.prelude]

    def syntax_check(self, src):
        """The untransformed program, as Clang (and the tool) parse it."""
        return run([self.clangxx, "-fsyntax-only", "-std=c++17",
                    "-Wno-return-mismatch", "-Wno-return-type"]
                   + self.includes() + [src], self.compile_timeout)

    def transpile(self, src, out, emit=None):
        cmd = [self.awaitc, src, "-o", out]
        if emit:
            cmd.insert(1, "--emit=" + emit)
        cmd += ["--", "-std=c++17"] + self.includes()
        return run(cmd, self.compile_timeout)

    # --- runtime libraries made from runtime/src for other configurations --
    def runtime_variant(self, name, compiler, flags):
        """A static runtime library built with `flags`, cached by content."""
        if name == "plain":
            return self.runtime_lib
        h = hashlib.sha256()
        files = sorted(glob.glob(os.path.join(self.runtime_src, "*.cpp")))
        headers = sorted(glob.glob(os.path.join(self.include, "**", "*.h"),
                                   recursive=True))
        for f in files + headers:
            h.update(f.encode())
            with open(f, "rb") as fh:
                h.update(fh.read())
        h.update(" ".join([compiler] + flags).encode())
        key = h.hexdigest()[:16]
        os.makedirs(self.cache_dir, exist_ok=True)
        lib = os.path.join(self.cache_dir, "libawaitc_runtime-%s-%s.a" %
                           (name, key))
        if os.path.exists(lib):
            return lib
        with open(os.path.join(self.cache_dir, "lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if os.path.exists(lib):
                return lib
            objs = []
            for f in files:
                obj = "%s.%s.o" % (lib, os.path.basename(f))
                r = run([compiler, "-c", "-I" + self.include] + flags
                        + [f, "-o", obj], 600)
                if r.rc != 0:
                    raise RuntimeError("cannot build the %s runtime: %s\n%s" %
                                       (name, r.command_line(), r.err))
                objs.append(obj)
            r = run(["ar", "rcs", lib + ".tmp"] + objs, 60)
            if r.rc != 0:
                raise RuntimeError("ar failed: " + r.err)
            os.replace(lib + ".tmp", lib)
            for o in objs:
                os.unlink(o)
        return lib


class Build:
    def __init__(self, name, source_kind, compiler, flags, runtime):
        self.name = name
        self.source_kind = source_kind  # "sm" | "cxx20"
        self.compiler = compiler
        self.flags = flags
        self.runtime = runtime          # (variant name, compiler, flags)


def builds(tc, only=None):
    """The configurations to build, in order."""
    out = [
        Build("gcc", "sm", tc.gxx, ["-std=c++17", "-O0"] + WARN,
              ("plain", None, None)),
        Build("clang", "sm", tc.clangxx, ["-std=c++17", "-O2"] + WARN,
              ("plain", None, None)),
    ]
    if tc.sanitize:
        out.append(Build("asan", "sm", tc.clangxx,
                         ["-std=c++17", "-O1", "-g"] + WARN + SANITIZE,
                         ("asan", tc.clangxx,
                          ["-std=c++17", "-O1", "-g"] + SANITIZE)))
    if tc.oracle:
        out.append(Build("cxx20", "cxx20", tc.clangxx,
                         ["-std=c++20", "-O0"] + WARN,
                         ("cxx20", tc.clangxx, ["-std=c++20", "-O1"])))
    if only is not None:
        out = [b for b in out if b.name in only]
    return out


def compile_build(tc, b, src, exe):
    lib = tc.runtime_variant(b.runtime[0], b.runtime[1], b.runtime[2] or [])
    return run([b.compiler] + b.flags + tc.includes() +
               [src, lib, "-pthread", "-o", exe], tc.compile_timeout)


def run_program(tc, exe):
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=0:" \
                          "detect_stack_use_after_return=1"
    env["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    return run([exe], tc.run_timeout, env=env)
