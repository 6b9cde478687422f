#!/usr/bin/env python3
"""Robustness sweep for the awaitc tool: it must never crash or hang.

Runs awaitc over a large body of C++ it did not write and over mutated and
generated files, and checks the tool's contract on every run:

  * exit status is 0, 1 or 2 (no signal, no abort, no "Stack dump" /
    "PLEASE submit a bug report" / "LLVM ERROR" on stderr), and 2 only for
    usage errors (never for an input we pass correctly);
  * it finishes within --timeout seconds (a run that times out is retried
    once with 4x the time before it counts as a hang);
  * on a non-zero exit it writes no output file (a pre-existing file is left
    untouched; in standard-output mode nothing is printed) and says "error:";
    input errors are Clang-style `file:line:col: error:` diagnostics;
  * a file without annotation (no AWAITC_ASYNC / AWAITC_GENERATOR) that it
    accepts comes out byte-identical; one that compiles and has no marker is
    accepted;
  * when it accepts an annotated file that compiles (clang++-19 -fsyntax-only
    -Wno-return-mismatch -Wno-return-type), the output compiles with
    g++ -fsyntax-only; it does not accept a file that does not compile;
  * the output is deterministic (annotated corpus files are run twice), and
    the input file is never modified.

Corpus (categories, interleaved by time share under --budget-seconds):
  real       translation units that include every C++17 standard header,
             GoogleTest/GoogleMock, LLVM/Clang headers; the project's own
             sources (flags from build/compile_commands.json when present);
             GoogleTest's sources under /usr/src; other C++ files found on the
             machine; a sample of /usr/include headers parsed as C++
  annotated  examples/*.cpp, test/lit/**/*.cpp, and annotated coroutines in a
             TU that includes the whole standard library
  generated  random valid programs (coroutines and generators using every
             statement kind, markers in conditions, loop headers, arguments,
             initializers, non-copyable locals, ...) and extreme shapes:
             deep nesting of blocks/ifs/loops/switch/try with markers, long
             expressions with many markers, many functions
  mutant     truncation, deleted/duplicated lines, swapped/deleted tokens,
             inserted markers and annotations, unbalanced braces/parens,
             preprocessor junk, odd bytes, applied to annotated and
             unannotated files

Everything is deterministic for a given --seed (case k of a category is the
same whatever the timing); how far the sweep gets depends on the budget.
Each failure is saved under --failures-dir with the input, a line-reduced
reproducer (within --reduce-seconds), the command and the tool's stderr.

Exit status: 0 when no violation was found, 1 otherwise, 2 on a usage or
setup error.

Examples:
  scripts/robustness.py --budget-seconds 120 --seed 1
  scripts/robustness.py --budget-seconds 1200 --seed 7 --report r.txt \\
      --failures-dir /tmp/awaitc-failures
"""

import argparse
import glob
import hashlib
import json
import os
import random
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CRASH_MARKERS = [
    b"PLEASE submit a bug report",
    b"Stack dump",
    b"LLVM ERROR",
    b"UNREACHABLE executed",
    b"Assertion `",
    b"terminate called",
    b"Segmentation fault",
    b"==ERROR: AddressSanitizer",
    b"ERROR: LeakSanitizer",
    b"UndefinedBehaviorSanitizer",
]
ANNOTATION_RE = re.compile(
    rb"AWAITC_ASYNC|AWAITC_GENERATOR|awaitc::async|awaitc::generator")
MARKER_RE = re.compile(rb"\b(?:AWAITC_)?(?:AWAIT|YIELD|AWAIT_EACH)\b|markers::")
CLANG_DIAG_RE = re.compile(rb"(^|\n)[^\n]*:\d+:\d+: (fatal )?error: ")
# A file Clang cannot read as text (a UTF-16 or UTF-32 byte order mark) is
# reported without a location, by the tool as by the compiler.
CLANG_UNREADABLE_RE = re.compile(
    rb"(^|\n)fatal error: [^\n]*byte order mark detected")
MEM_LIMIT = 6 << 30  # bytes of address space per child process

CXX17_HEADERS = """algorithm any array atomic bitset cassert ccomplex cctype cerrno
cfenv cfloat charconv chrono cinttypes ciso646 climits clocale cmath codecvt
complex condition_variable csetjmp csignal cstdalign cstdarg cstdbool cstddef
cstdint cstdio cstdlib cstring ctgmath ctime cuchar cwchar cwctype deque
exception execution filesystem forward_list fstream functional future
initializer_list iomanip ios iosfwd iostream istream iterator limits list
locale map memory memory_resource mutex new numeric optional ostream queue
random ratio regex scoped_allocator set shared_mutex sstream stack stdexcept
streambuf string string_view strstream system_error thread tuple type_traits
typeindex typeinfo unordered_map unordered_set utility valarray variant
vector""".split()

LLVM_INC = "/usr/lib/llvm-19/include"
LLVM_DEFS = ["-D__STDC_CONSTANT_MACROS", "-D__STDC_LIMIT_MACROS",
             "-D__STDC_FORMAT_MACROS", "-D_GNU_SOURCE"]


# --------------------------------------------------------------------------
# processes

class Result:
    def __init__(self, rc, out, err, timed_out, secs):
        self.rc, self.out, self.err = rc, out, err
        self.timed_out, self.secs = timed_out, secs


def _limit():
    os.setsid()
    try:
        resource.setrlimit(resource.RLIMIT_AS, (MEM_LIMIT, MEM_LIMIT))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass


def run(cmd, timeout, cwd=None):
    # A binary being rebuilt under us is briefly missing or not executable:
    # wait for it rather than failing the sweep.
    for attempt in range(60):
        t0 = time.monotonic()
        try:
            p = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE,
                                 stdin=subprocess.DEVNULL, cwd=cwd,
                                 preexec_fn=_limit)
            break
        except (PermissionError, FileNotFoundError, OSError) as e:
            if attempt == 59:
                raise
            print("robustness.py: cannot run %s (%s); retrying" % (cmd[0], e),
                  file=sys.stderr)
            time.sleep(2)
    try:
        out, err = p.communicate(timeout=timeout)
        return Result(p.returncode, out, err, False, time.monotonic() - t0)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = p.communicate()
        return Result(p.returncode, out, err, True, time.monotonic() - t0)


def sha(b):
    return hashlib.sha256(b).hexdigest()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


# --------------------------------------------------------------------------
# corpus

class Item:
    """One input: a file on disk (path) or generated text, and its flags."""

    def __init__(self, name, category, flags, path=None, text=None,
                 timeout=None, priority=1, mutable=True, header=False):
        self.name, self.category, self.flags = name, category, list(flags)
        self.path, self.text = path, text
        self.timeout, self.priority = timeout, priority
        self.mutable, self.header = mutable, header
        self.origin_dir = os.path.dirname(path) if path else None

    def data(self):
        return self.text if self.text is not None else read(self.path)


class Sweep:
    def __init__(self, args):
        self.args = args
        self.awaitc = args.awaitc
        self.inc = args.include
        self.clang = args.clangxx
        self.gxx = args.gxx
        self.work = args.work_dir
        self.t0 = time.monotonic()
        self.deadline = self.t0 + args.budget_seconds
        self.counts = {k: 0 for k in [
            "files", "annotated-files", "generated", "mutants", "runs",
            "exit0", "exit1", "exit2", "passthrough-identical",
            "transformed", "outputs-compiled", "inputs-not-compiling",
            "slow", "crash", "hang", "non-identical-passthrough",
            "uncompilable-output", "output-on-error", "leftover-files",
            "bad-diagnostics", "accepted-invalid",
            "rejected-valid-passthrough", "nondeterministic",
            "input-modified", "bad-exit"]}
        self.violations = []      # (kind, name, detail, dir)
        self.signatures = {}      # signature -> count
        self.log_lines = []
        self.spent = {}
        self.fail_seq = 0

    # -- logging --------------------------------------------------------
    def log(self, msg):
        line = "[%6.1fs] %s" % (time.monotonic() - self.t0, msg)
        self.log_lines.append(line)
        if self.args.verbose or msg.startswith("FAIL"):
            print(line, flush=True)

    def left(self):
        return self.deadline - time.monotonic()

    # -- corpus discovery -------------------------------------------------
    def gen_file(self, name, text):
        d = os.path.join(self.work, "corpus")
        os.makedirs(d, exist_ok=True)
        p = os.path.join(d, name)
        write(p, text.encode() if isinstance(text, str) else text)
        return p

    def clang_ok(self, path, flags, timeout=180):
        r = run([self.clang, "-fsyntax-only", "-Wno-return-mismatch",
                 "-Wno-return-type", "-w"] + flags + [path], timeout)
        return r.rc == 0 and not r.timed_out, r

    def real_items(self, rng):
        base = ["-std=c++17"]
        items = []
        # Every C++17 standard header (those this toolchain parses).
        hdrs = list(CXX17_HEADERS)
        body = "".join("#include <%s>\n" % h for h in hdrs)
        body += "\nint main() { std::vector<int> v{1, 2}; return v[0] - 1; }\n"
        p = self.gen_file("all_std_headers.cpp", body)
        ok, r = self.clang_ok(p, base + ["-Wno-deprecated"])
        if not ok:
            # Drop the headers the errors come from (by their line here).
            bad = set(int(m) for m in re.findall(
                rb"all_std_headers\.cpp:(\d+)", r.err))
            hdrs = [h for i, h in enumerate(hdrs) if i + 1 not in bad]
            self.log("std headers that do not parse dropped: %s" % sorted(
                CXX17_HEADERS[i - 1] for i in bad if i <= len(CXX17_HEADERS)))
            body = "".join("#include <%s>\n" % h for h in hdrs) + \
                "\nint main() { return 0; }\n"
            p = self.gen_file("all_std_headers.cpp", body)
        items.append(Item("all_std_headers.cpp", "real",
                          base + ["-Wno-deprecated"], path=p, priority=0))
        # The same with the awaitc runtime and ordinary code using it.
        p = self.gen_file("all_std_and_runtime.cpp", body.replace(
            "#include <algorithm>",
            "#include <awaitc/awaitc.h>\n#include <algorithm>") +
            "awaitc::Coro<int> forward(awaitc::Coro<int> c) { return c; }\n")
        items.append(Item("all_std_and_runtime.cpp", "real",
                          base + ["-Wno-deprecated", "-I", self.inc],
                          path=p, priority=0))
        # GoogleTest / GoogleMock.
        if os.path.exists("/usr/include/gtest/gtest.h"):
            t = "#include <gtest/gtest.h>\n"
            if os.path.exists("/usr/include/gmock/gmock.h"):
                t += "#include <gmock/gmock.h>\n"
            t += ("\nstruct Shape { virtual ~Shape() = default;"
                  " virtual int area(int) const = 0; };\n")
            if "gmock" in t:
                t += ("struct MockShape : Shape {\n"
                      "  MOCK_METHOD(int, area, (int), (const, override));\n"
                      "};\n")
            t += ("TEST(Suite, Case) { EXPECT_EQ(1, 1); ASSERT_TRUE(true); }\n"
                  "class Fix : public ::testing::TestWithParam<int> {};\n"
                  "TEST_P(Fix, P) { EXPECT_GE(GetParam(), 0); }\n"
                  "INSTANTIATE_TEST_SUITE_P(All, Fix, ::testing::Values(1, 2));\n")
            p = self.gen_file("gtest_gmock.cpp", t)
            items.append(Item("gtest_gmock.cpp", "real", base, path=p,
                              priority=0))
        # LLVM / Clang headers.
        if os.path.isdir(LLVM_INC):
            lf = base + ["-I", LLVM_INC] + LLVM_DEFS
            adt = sorted(glob.glob(os.path.join(LLVM_INC, "llvm/ADT/*.h")))
            t = "".join('#include "llvm/ADT/%s"\n' % os.path.basename(h)
                        for h in adt)
            p = self.gen_file("llvm_adt_all.cpp", t)
            items.append(Item("llvm_adt_all.cpp", "real", lf, path=p,
                              priority=0))
            t = "".join('#include "%s"\n' % h for h in [
                "clang/AST/RecursiveASTVisitor.h",
                "clang/ASTMatchers/ASTMatchFinder.h",
                "clang/ASTMatchers/ASTMatchers.h",
                "clang/Frontend/CompilerInstance.h",
                "clang/Frontend/FrontendActions.h",
                "clang/Rewrite/Core/Rewriter.h",
                "clang/Tooling/CommonOptionsParser.h",
                "clang/Tooling/Tooling.h",
                "llvm/Support/CommandLine.h",
                "llvm/Support/raw_ostream.h"])
            t += ("\nclass V : public clang::RecursiveASTVisitor<V> {\n"
                  "public:\n  bool VisitFunctionDecl(clang::FunctionDecl *) "
                  "{ return true; }\n};\n")
            p = self.gen_file("clang_headers.cpp", t)
            items.append(Item("clang_headers.cpp", "real", lf, path=p,
                              priority=0))
        # The project's own sources.
        cc = {}
        ccj = os.path.join(REPO, "build", "compile_commands.json")
        if self.args.compile_commands:
            ccj = self.args.compile_commands
        if os.path.exists(ccj):
            try:
                for e in json.load(open(ccj)):
                    cc[os.path.realpath(os.path.join(e["directory"],
                                                     e["file"]))] = \
                        cc_flags(e)
            except (ValueError, KeyError, OSError):
                pass
        fallback = {
            "lib": ["-std=c++17", "-I", os.path.join(REPO, "lib", "include"),
                    "-isystem", LLVM_INC] + LLVM_DEFS,
            "tool": ["-std=c++17", "-I", os.path.join(REPO, "lib", "include"),
                     "-isystem", LLVM_INC] + LLVM_DEFS,
        }
        own = []
        for pat in ["lib/*.cpp", "tool/*.cpp", "runtime/src/*.cpp",
                    "test/unit/*.cpp"]:
            own += sorted(glob.glob(os.path.join(REPO, pat)))
        for f in own:
            rel = os.path.relpath(f, REPO)
            fl = cc.get(os.path.realpath(f))
            if fl is None:
                fl = fallback.get(rel.split("/")[0],
                                  ["-std=c++17", "-I", self.inc])
            if not any(a.startswith("-std=") for a in fl):
                fl = ["-std=c++17"] + fl
            items.append(Item(rel, "real", fl, path=f, priority=1))
        # GoogleTest's own sources.
        gt = "/usr/src/googletest"
        if os.path.isdir(gt):
            gfl = ["-std=c++17",
                   "-I", gt + "/googletest/include", "-I", gt + "/googletest",
                   "-I", gt + "/googlemock/include", "-I", gt + "/googlemock",
                   "-I", gt + "/googletest/test", "-I", gt + "/googlemock/test"]
            files = sorted(glob.glob(gt + "/**/*.cc", recursive=True))
            rng.shuffle(files)
            for f in files[:self.args.max_machine_files]:
                items.append(Item(os.path.relpath(f, "/usr/src"), "real", gfl,
                                  path=f, priority=2))
        # Other C++ on the machine.
        found = []
        for root in ["/usr/share", "/usr/lib", "/usr/local", "/opt",
                     "/usr/src"]:
            for dp, dn, fn in os.walk(root):
                if "googletest" in dp:
                    continue
                for n in fn:
                    if n.endswith((".cpp", ".cc", ".cxx", ".C")):
                        found.append(os.path.join(dp, n))
                if len(found) > 2000:
                    break
        found.sort()
        rng.shuffle(found)
        for f in found[:self.args.max_machine_files]:
            items.append(Item(f, "real", ["-std=c++17", "-I",
                                          os.path.dirname(f)],
                              path=f, priority=2))
        # A sample of system headers parsed as C++.
        hs = []
        for dp, dn, fn in os.walk("/usr/include"):
            dn.sort()
            if dp.startswith(LLVM_INC):
                continue
            for n in sorted(fn):
                if n.endswith((".h", ".hpp")):
                    hs.append(os.path.join(dp, n))
        rng.shuffle(hs)
        for f in hs[:self.args.max_headers]:
            # A header's own includes are mostly relative to one of the
            # directories above it (/usr/include/llvm-19/llvm/ADT/X.h
            # includes "llvm/..."): offer each of them.
            inc = []
            d = os.path.dirname(f)
            while d.startswith("/usr/include/") and len(inc) < 8:
                inc += ["-I", d]
                d = os.path.dirname(d)
            extra = LLVM_DEFS if "/llvm" in f else []
            items.append(Item(f, "real", ["-x", "c++", "-std=c++17"] + inc +
                              extra, path=f, priority=3, header=True))
        # Stable order: priority, then the seed's shuffle within a priority.
        first = [i for i in items if i.priority == 0]
        rest = [i for i in items if i.priority > 0]
        rng.shuffle(rest)
        rest.sort(key=lambda i: i.priority if i.priority < 2 else 2)
        # Interleave project/machine files so a short budget sees both kinds.
        own_i = [i for i in rest if i.priority == 1]
        oth_i = [i for i in rest if i.priority >= 2]
        mixed = []
        while own_i or oth_i:
            if own_i:
                mixed.append(own_i.pop(0))
            for _ in range(2):
                if oth_i:
                    mixed.append(oth_i.pop(0))
        return first + mixed

    def annotated_items(self, rng):
        fl = ["-std=c++17", "-I", self.inc]
        items = []
        for f in sorted(glob.glob(os.path.join(REPO, "examples", "*.cpp"))):
            items.append(Item(os.path.relpath(f, REPO), "annotated",
                              fl + ["-I", os.path.dirname(f)], path=f))
        for f in sorted(glob.glob(os.path.join(REPO, "test", "lit", "**",
                                               "*.cpp"), recursive=True)):
            if "/tools/" in f:
                continue
            items.append(Item(os.path.relpath(f, REPO), "annotated",
                              fl + ["-I", os.path.dirname(f)], path=f))
        t = "#include <awaitc/awaitc.h>\n" + "".join(
            "#include <%s>\n" % h for h in CXX17_HEADERS
            if h not in ("strstream", "codecvt", "ccomplex", "cstdalign",
                         "cstdbool", "ctgmath", "ciso646")) + STD_CORO
        items.insert(0, Item("std_coroutines.cpp", "annotated", fl,
                             path=self.gen_file("std_coroutines.cpp", t)))
        rest = items[1:]
        rng.shuffle(rest)
        return items[:1] + rest

    # -- checking one input -------------------------------------------------
    def check(self, name, src, flags, timeout, *, determinism=False,
              compile_out=True, mode=None, rng=None, check_clang=None):
        """Runs awaitc on src and checks the contract; returns a list of
        (kind, detail, extra) violations and a dict of facts."""
        data = read(src)
        annotated = bool(ANNOTATION_RE.search(data))
        has_marker = bool(MARKER_RE.search(data))
        facts = {"annotated": annotated, "rc": None}
        viol = []
        outdir = os.path.join(self.work, "out")
        shutil.rmtree(outdir, ignore_errors=True)
        os.makedirs(outdir)
        out = os.path.join(outdir, "result.cpp")
        rng = rng or random.Random(0)
        if mode is None:
            mode = rng.choice(["o", "o", "o", "sentinel", "stdout"])
        sentinel = b"// pre-existing output file: must survive an error\n"
        if mode == "sentinel":
            write(out, sentinel)
        cmd = [self.awaitc, src] + (["-o", out] if mode != "stdout" else []) \
            + ["--"] + flags
        facts["cmd"] = cmd
        before = sha(data)
        r = run(cmd, timeout)
        self.counts["runs"] += 1
        if r.timed_out:
            r2 = run(cmd, timeout * 4)
            self.counts["runs"] += 1
            if r2.timed_out:
                viol.append(("hang", "no exit after %ds (and %ds)" %
                             (timeout, timeout * 4), r2))
                facts["rc"] = "timeout"
                return viol, facts, r2
            self.counts["slow"] += 1
            self.log("slow: %s took %.1fs" % (name, r2.secs))
            r = r2
        facts["rc"] = r.rc
        facts["secs"] = r.secs
        if read(src) != data or sha(read(src)) != before:
            viol.append(("input-modified", "the input file changed", r))
        crash = [m.decode() for m in CRASH_MARKERS if m in r.err]
        if r.rc < 0 or r.rc >= 128 or crash:
            sig = ""
            if r.rc < 0:
                try:
                    sig = signal.Signals(-r.rc).name
                except ValueError:
                    sig = "signal %d" % -r.rc
            viol.append(("crash", "exit %s %s %s" % (r.rc, sig,
                                                    ", ".join(crash)), r))
            return viol, facts, r
        if r.rc not in (0, 1, 2):
            viol.append(("bad-exit", "exit status %d" % r.rc, r))
            return viol, facts, r
        self.counts["exit%d" % r.rc] += 1
        leftovers = sorted(set(os.listdir(outdir)) - {"result.cpp"})
        if leftovers:
            viol.append(("output-on-error" if r.rc else "leftover-files",
                         "files left in the output dir: %s" % leftovers, r))
        if r.rc != 0:
            if mode == "stdout" and r.out:
                viol.append(("output-on-error",
                             "exit %d but %d bytes on stdout" %
                             (r.rc, len(r.out)), r))
            if mode == "sentinel":
                if not os.path.exists(out) or read(out) != sentinel:
                    viol.append(("output-on-error", "exit %d but the existing "
                                 "output file was changed or removed" % r.rc,
                                 r))
            elif os.path.exists(out):
                viol.append(("output-on-error",
                             "exit %d but wrote %s" % (r.rc, out), r))
            if b"error:" not in r.err:
                viol.append(("bad-diagnostics", "exit %d without 'error:' on "
                             "stderr" % r.rc, r))
            elif r.rc == 1 and not CLANG_DIAG_RE.search(r.err) and \
                    not CLANG_UNREADABLE_RE.search(r.err):
                viol.append(("bad-diagnostics", "input error without a "
                             "file:line:col: error: diagnostic", r))
            if r.rc == 2:
                viol.append(("bad-exit", "exit 2 (usage error) for a valid "
                             "command line", r))
            if r.rc == 1 and not annotated and not has_marker:
                ok = check_clang if check_clang is not None else \
                    self.clang_ok(src, flags)[0]
                if ok:
                    viol.append(("rejected-valid-passthrough",
                                 "exit 1 on an unannotated file without "
                                 "markers that clang++ accepts", r))
                else:
                    self.counts["inputs-not-compiling"] += 1
            return viol, facts, r
        # exit 0
        result = r.out if mode == "stdout" else (
            read(out) if os.path.exists(out) else None)
        if result is None:
            viol.append(("bad-exit", "exit 0 but no output file", r))
            return viol, facts, r
        facts["output"] = result
        if result == data:
            self.counts["passthrough-identical"] += 1
        if not annotated:
            if result != data:
                viol.append(("non-identical-passthrough", first_diff(data,
                                                                    result), r))
            return viol, facts, r
        if result != data:
            self.counts["transformed"] += 1
        if determinism:
            # Compare two more runs made with the same binary (it may be
            # rebuilt while the sweep runs).
            for _ in range(3):
                stamp = tool_stamp(self.awaitc)
                r3 = run([self.awaitc, src, "--"] + flags, timeout * 2)
                r4 = run([self.awaitc, src, "--"] + flags, timeout * 2)
                self.counts["runs"] += 2
                if stamp == tool_stamp(self.awaitc):
                    break
            if r3.rc == 0 and r4.rc == 0 and r3.out != r4.out:
                viol.append(("nondeterministic", "two runs differ: " +
                             first_diff(r3.out, r4.out), r4))
        if compile_out and result != data:
            ok = check_clang if check_clang is not None else \
                self.clang_ok(src, flags)[0]
            facts["input_compiles"] = ok
            if not ok:
                self.counts["inputs-not-compiling"] += 1
                viol.append(("accepted-invalid", "exit 0 on an input that "
                             "clang++-19 -fsyntax-only rejects", r))
                return viol, facts, r
            res = os.path.join(outdir, "compiled.cpp")
            write(res, result)
            gf = gcc_flags(flags)
            g = run([self.gxx, "-fsyntax-only", "-w"] + gf + [res], 300)
            if g.timed_out:
                self.log("g++ timed out on the output of %s" % name)
            elif g.rc != 0:
                if b"memory exhausted" in g.err or b"out of memory" in g.err:
                    self.log("g++ out of memory on the output of %s" % name)
                else:
                    viol.append(("uncompilable-output", first_error(g.err),
                                 g))
            else:
                self.counts["outputs-compiled"] += 1
        return viol, facts, r

    # -- failures ------------------------------------------------------------
    def record(self, name, item_flags, data, viol, facts, timeout):
        for kind, detail, res in viol:
            self.counts[kind] = self.counts.get(kind, 0) + 1
            sig = kind + ": " + signature(kind, detail, res)
            n = self.signatures.get(sig, 0)
            self.signatures[sig] = n + 1
            d = None
            if n < self.args.keep_per_signature:
                d = self.save(name, item_flags, data, kind, detail, res,
                              facts, timeout, sig)
            self.violations.append((kind, name, detail, d))
            self.log("FAIL %s: %s: %s%s" % (kind, name, detail,
                                            (" -> " + d) if d else ""))

    def save(self, name, flags, data, kind, detail, res, facts, timeout,
             sig):
        self.fail_seq += 1
        base = re.sub(r"[^A-Za-z0-9_.-]+", "_", os.path.basename(name))
        if not base.endswith((".cpp", ".cc", ".cxx", ".h", ".hpp")):
            base += ".cpp"
        d = os.path.join(self.args.failures_dir, "%03d-%s" % (self.fail_seq,
                                                              kind))
        os.makedirs(d, exist_ok=True)
        inp = os.path.join(d, base)
        write(inp, data)
        fl = [a for a in flags]
        write(os.path.join(d, "stderr.txt"), res.err if res else b"")
        if facts.get("output") is not None:
            write(os.path.join(d, "output.cpp"), facts["output"])
        cmdline = " ".join(shlex.quote(a) for a in
                           [self.awaitc, base, "-o", "out.cpp", "--"] + fl)
        info = ["kind: " + kind, "detail: " + detail, "name: " + name,
                "command (in this directory): " + cmdline]
        if kind == "uncompilable-output":
            info.append("then: " + " ".join(shlex.quote(a) for a in [
                self.gxx, "-fsyntax-only"] + gcc_flags(fl) + ["out.cpp"]))
        write(os.path.join(d, "README.txt"), ("\n".join(info) + "\n").encode())
        if self.args.reduce_seconds > 0 and kind != "hang" and \
                facts.get("secs", 99) < 5:
            red = self.reduce(data, flags, kind, sig, min(
                self.args.reduce_seconds, max(5, self.left())), timeout)
            if red is not None and len(red) < len(data):
                write(os.path.join(d, "reduced-" + base), red)
        return d

    def reduce(self, data, flags, kind, sig, seconds, timeout):
        """Line-based delta debugging: the smallest file (within the time)
        that still shows the same failure (kind and signature)."""
        end = time.monotonic() + seconds
        tmpd = os.path.join(self.work, "reduce")
        os.makedirs(tmpd, exist_ok=True)
        src = os.path.join(tmpd, "input.cpp")

        def bad(lines):
            if time.monotonic() > end:
                return False
            write(src, b"".join(lines))
            v, f, r = self.check("reduce", src, flags, timeout, mode="o")
            return any(k == kind and k + ": " + signature(k, d, x) == sig
                       for k, d, x in v)

        lines = data.splitlines(keepends=True)
        saved = dict(self.counts)
        try:
            return self._ddmin(lines, bad, end)
        finally:
            self.counts = saved

    @staticmethod
    def _ddmin(lines, bad, end):
        if not bad(lines):
            return None
        n = 2
        while len(lines) >= 2 and time.monotonic() < end:
            chunk = max(1, len(lines) // n)
            removed = False
            for i in range(0, len(lines), chunk):
                cand = lines[:i] + lines[i + chunk:]
                if cand and bad(cand):
                    lines = cand
                    n = max(n - 1, 2)
                    removed = True
                    break
            if not removed:
                if chunk == 1:
                    break
                n = min(len(lines), n * 2)
        return b"".join(lines)

    # -- categories ------------------------------------------------------------
    def do_item(self, item, determinism=False):
        self.counts["files"] += 1
        if item.category == "annotated":
            self.counts["annotated-files"] += 1
        data = item.data()
        timeout = item.timeout or (self.args.timeout * 3
                                   if item.category == "real"
                                   else self.args.timeout)
        rng = random.Random("%s:%s" % (self.args.seed, item.name))
        v, facts, r = self.check(item.name, item.path, item.flags, timeout,
                                 determinism=determinism, rng=rng)
        item.base_secs = facts.get("secs")
        item.base_rc = facts.get("rc")
        self.log("%s: %s exit %s in %.1fs" % (item.category, item.name,
                                              facts.get("rc"),
                                              facts.get("secs") or 0))
        if v:
            self.record(item.name, item.flags, data, v, facts, timeout)

    def do_generated(self, k):
        rng = random.Random("%s:gen:%d" % (self.args.seed, k))
        name, text = generate_program(rng, k)
        self.counts["generated"] += 1
        p = os.path.join(self.work, "gen", name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        write(p, text.encode())
        fl = ["-std=c++17", "-I", self.inc]
        t = self.args.timeout
        v, facts, r = self.check(name, p, fl, t, rng=rng,
                                 determinism=(k % 5 == 0))
        self.log("generated: %s exit %s in %.1fs" % (name, facts.get("rc"),
                                                    facts.get("secs") or 0))
        if v:
            self.record(name, fl, text.encode(), v, facts, t)

    def do_mutant(self, k, pool):
        rng = random.Random("%s:mut:%d" % (self.args.seed, k))
        # Small, fast inputs are mutated most; big real TUs now and then.
        weights = [item_weight(i) for i in pool]
        base = rng.choices(pool, weights=weights)[0]
        data = base.data()
        ops = []
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            data, op = mutate(rng, data)
            ops.append(op)
        self.counts["mutants"] += 1
        ext = ".h" if base.header else ".cpp"
        name = "mut%05d-%s%s" % (k, re.sub(r"[^A-Za-z0-9_]+", "_",
                                           os.path.splitext(base.name)[0])[-40:],
                                 ext)
        p = os.path.join(self.work, "mut", name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        write(p, data)
        fl = list(base.flags)
        if base.origin_dir:
            fl += ["-I", base.origin_dir]
        bt = getattr(base, "base_secs", None) or 1.0
        t = max(self.args.timeout, int(bt * 8))
        v, facts, r = self.check(name, p, fl, t, rng=rng)
        self.log("mutant: %s [%s] exit %s in %.1fs" % (
            name, ",".join(ops), facts.get("rc"), facts.get("secs") or 0))
        if v:
            for i, (kind, detail, res) in enumerate(v):
                v[i] = (kind, detail + " [mutations: %s of %s]" %
                        (",".join(ops), base.name), res)
            self.record(name, fl, data, v, facts, t)

    def main(self):
        a = self.args
        cats = set(a.categories.split(","))
        rng = random.Random("%s:corpus" % a.seed)
        self.log("collecting the corpus")
        real = self.real_items(rng) if "real" in cats else []
        ann = self.annotated_items(rng) if ("annotated" in cats or
                                            "mutant" in cats) else []
        pool = list(ann)
        small_real = [i for i in real if i.priority >= 1]
        pool += small_real
        gen_pool = []
        for j in range(6):
            r2 = random.Random("%s:genpool:%d" % (a.seed, j))
            nm, tx = generate_program(r2, j, small=True)
            gen_pool.append(Item(nm, "generated", ["-std=c++17", "-I", a.include],
                                 path=self.gen_file("pool_" + nm, tx)))
        pool += gen_pool
        self.log("corpus: %d real, %d annotated, %d mutation bases" %
                 (len(real), len(ann), len(pool)))
        weights = {"real": 0.3, "annotated": 0.15, "generated": 0.2,
                   "mutant": 0.35}
        queues = {
            "real": iter(real) if "real" in cats else iter(()),
            "annotated": iter(ann) if "annotated" in cats else iter(()),
        }
        done = set(c for c in weights if c not in cats)
        spent = {c: 0.0 for c in weights}
        gen_k = mut_k = 0
        while len(done) < len(weights) and self.left() > 0:
            live = [c for c in weights if c not in done]
            c = min(live, key=lambda c: (spent[c] / weights[c], c))
            t0 = time.monotonic()
            if c in queues:
                it = next(queues[c], None)
                if it is None:
                    done.add(c)
                    continue
                self.do_item(it, determinism=(c == "annotated"))
            elif c == "generated":
                if a.max_generated is not None and gen_k >= a.max_generated:
                    done.add(c)
                    continue
                self.do_generated(gen_k)
                gen_k += 1
            else:
                if (a.max_mutants is not None and mut_k >= a.max_mutants) \
                        or not pool:
                    done.add(c)
                    continue
                self.do_mutant(mut_k, pool)
                mut_k += 1
            spent[c] += time.monotonic() - t0
        self.spent = spent
        return self.finish()

    def finish(self):
        c = self.counts
        el = time.monotonic() - self.t0
        lines = [
            "awaitc robustness sweep: seed %s, budget %ss, %.0fs elapsed" % (
                self.args.seed, self.args.budget_seconds, el),
            "  time per category: " + ", ".join(
                "%s %.0fs" % (k, v) for k, v in sorted(self.spent.items())),
            "  files %d (annotated %d), generated programs %d, mutants %d, "
            "tool runs %d" % (c["files"], c["annotated-files"], c["generated"],
                              c["mutants"], c["runs"]),
            "  exit 0: %d (identical passthrough %d, transformed %d, outputs "
            "compiled %d), exit 1: %d, exit 2: %d; inputs not compiling %d; "
            "slow %d" % (c["exit0"], c["passthrough-identical"],
                         c["transformed"], c["outputs-compiled"], c["exit1"],
                         c["exit2"], c["inputs-not-compiling"], c["slow"]),
            "  crashes %d, hangs %d, non-identical passthroughs %d, "
            "uncompilable outputs %d" % (c["crash"], c["hang"],
                                         c["non-identical-passthrough"],
                                         c["uncompilable-output"]),
            "  output on error %d, leftover files %d, bad diagnostics %d, "
            "accepted invalid %d, rejected valid passthrough %d, "
            "nondeterministic %d, input modified %d, bad exit %d" % (
                c["output-on-error"], c["leftover-files"], c["bad-diagnostics"],
                c["accepted-invalid"], c["rejected-valid-passthrough"],
                c["nondeterministic"], c["input-modified"], c["bad-exit"]),
        ]
        if self.signatures:
            lines.append("  distinct failures:")
            for s, n in sorted(self.signatures.items()):
                lines.append("    %4d x %s" % (n, s))
        lines.append("RESULT: %s" % ("FAIL (%d violations; reproducers in %s)"
                                     % (len(self.violations),
                                        self.args.failures_dir)
                                     if self.violations else "PASS"))
        text = "\n".join(lines) + "\n"
        print(text, end="")
        if self.args.report:
            with open(self.args.report, "w") as f:
                f.write(text)
                f.write("\nviolations:\n")
                for kind, name, detail, d in self.violations:
                    f.write("  %s: %s: %s%s\n" % (kind, name, detail,
                                                  (" -> " + d) if d else ""))
                f.write("\nlog:\n")
                f.write("\n".join(self.log_lines) + "\n")
        return 1 if self.violations else 0


# --------------------------------------------------------------------------
# helpers

def cc_flags(entry):
    args = entry.get("arguments") or shlex.split(entry["command"])
    d = entry.get("directory", ".")
    out = []
    skip = False
    it = iter(range(1, len(args)))
    for i in it:
        a = args[i]
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c",) or a.startswith("-O") or a == "-g" or \
                a.startswith(("-MD", "-MMD")) or \
                os.path.realpath(os.path.join(d, a)) == \
                os.path.realpath(os.path.join(d, entry["file"])):
            continue
        if a in ("-I", "-isystem", "-iquote") and i + 1 < len(args):
            out += [a, os.path.join(d, args[i + 1])]
            skip = True
            continue
        if a.startswith("-I") and len(a) > 2:
            a = "-I" + os.path.join(d, a[2:])
        out.append(a)
    return out


def tool_stamp(path):
    try:
        st = os.stat(path)
        return (st.st_mtime_ns, st.st_size, st.st_ino)
    except OSError:
        return None


def gcc_flags(flags):
    return [a for a in flags if a not in ("-Wno-return-mismatch",)]


def first_diff(a, b):
    n = min(len(a), len(b))
    i = next((k for k in range(n) if a[k] != b[k]), n)
    line = a[:i].count(b"\n") + 1
    return "output differs from input at byte %d (line %d; sizes %d/%d)" % (
        i, line, len(a), len(b))


def first_error(err):
    for l in err.decode(errors="replace").splitlines():
        if "error:" in l:
            return l.strip()[:300]
    return err.decode(errors="replace").strip()[:300]


def signature(kind, detail, res):
    detail = detail.split(" [mutations")[0]
    if kind == "uncompilable-output":
        m = re.search(r"error: (.*)", detail)
        msg = m.group(1) if m else detail
        msg = re.sub(r"'[^']*'", "'_'", msg)
        msg = re.sub(r"\d+", "N", msg)
        return msg[:120]
    if kind == "crash" and res is not None:
        frames = re.findall(rb"#\d+ 0x[0-9a-f]+ (?:in )?([A-Za-z_][^\s(]*)",
                            res.err)
        own = [f.decode(errors="replace") for f in frames
               if b"awaitc" in f or b"Lower" in f or b"Emit" in f or
               b"Analy" in f]
        head = detail.split("[mutations")[0].strip()
        return head + (" in " + own[0] if own else "")
    return re.sub(r"\d+", "N", detail.split("[mutations")[0])[:120]


def item_weight(item):
    if item.category == "annotated":
        return 6.0
    if item.category == "generated":
        return 4.0
    s = getattr(item, "base_secs", None)
    if item.header:
        return 0.5
    if s is None:
        return 0.3
    return 2.0 if s < 2 else 0.3


# --------------------------------------------------------------------------
# mutations

TOKEN_RE = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*|\d+|\"(?:\\.|[^\"\\\n])*\"|"
                      rb"::|->|&&|\|\||<<|>>|[^\sA-Za-z0-9_]")
INSERTS = [b"AWAIT(x)", b"AWAIT(awaitc::sleep(0))", b"YIELD(1)", b"YIELD(1);",
           b"AWAIT(awaitc::sleep(0));", b"AWAITC_ASYNC ", b"AWAITC_GENERATOR ",
           b"AWAITC_ASYNC awaitc::Coro<int> ", b"AWAIT(", b"YIELD(", b"AWAIT",
           b"AWAITC_AWAIT(0)", b"AWAIT(AWAIT(v(1)))", b"return AWAIT(v(1));",
           b"co_await x;", b"{", b"}", b"(", b")", b";", b"[", b"]",
           b"template <class T> ", b"goto L; L:;", b"throw 1;", b"return;",
           b"break;", b"continue;", b"case 1:", b"default:", b"\"", b"'",
           b"/*", b"*/", b"\\", b"#", b"\n#if 0\n", b"\n#endif\n",
           b"\n#define AWAIT(x) x\n", b"\n#undef AWAITC_ASYNC\n",
           b"\n#include \"does_not_exist.h\"\n", b"\n#line 1 \"other.cpp\"\n",
           b"\n#pragma once\n", b"\x00", b"\xff\xfe", b"\r", b"\xef\xbb\xbf",
           b"\t\v\f", b"??=", b"<:", b"%:", b"R\"(", b"u8\"\xc3\xa9\"",
           b"auto&& [a, b] = ", b"static_assert(false);", b"[[nodiscard]]",
           b"__attribute__((annotate(\"awaitc::async\"))) ",
           b"__attribute__((annotate(\"awaitc::generator\"))) ",
           b"awaitc::Coro<int>", b"awaitc::Generator<int>", b"this->",
           b"decltype(AWAIT(v(1)))", b"sizeof(AWAIT(v(1)))",
           b"[&] { return AWAIT(v(1)); }()", b"noexcept", b"virtual ",
           b"operator", b"~", b"..."]


def token_spans(data):
    return [(m.start(), m.end()) for m in TOKEN_RE.finditer(data)]


def mutate(rng, data):
    ops = ["truncate", "delete-lines", "duplicate-lines", "swap-tokens",
           "delete-token", "replace-token", "insert", "insert", "insert",
           "unbalance", "duplicate-block", "move-lines"]
    op = rng.choice(ops)
    lines = data.splitlines(keepends=True)
    toks = token_spans(data) if op in ("swap-tokens", "delete-token",
                                       "replace-token", "insert",
                                       "unbalance") else []
    if not data:
        return rng.choice(INSERTS), "insert-empty"
    if op == "truncate":
        return data[:rng.randrange(len(data))], op
    if op in ("delete-lines", "duplicate-lines", "move-lines",
              "duplicate-block") and lines:
        i = rng.randrange(len(lines))
        n = rng.choice([1, 1, 1, 2, 3, 5, 10])
        if op == "delete-lines":
            return b"".join(lines[:i] + lines[i + n:]), op
        if op == "duplicate-lines":
            return b"".join(lines[:i + n] + lines[i:i + n] + lines[i + n:]), op
        if op == "duplicate-block":
            n = rng.choice([5, 10, 20, 40])
            j = rng.randrange(len(lines) + 1)
            return b"".join(lines[:j] + lines[i:i + n] + lines[j:]), op
        chunk = lines[i:i + n]
        rest = lines[:i] + lines[i + n:]
        j = rng.randrange(len(rest) + 1)
        return b"".join(rest[:j] + chunk + rest[j:]), op
    if not toks:
        return data + rng.choice(INSERTS), "append"
    if op == "swap-tokens":
        (a0, a1), (b0, b1) = sorted(rng.sample(toks, 2)) if len(toks) > 1 \
            else (toks[0], toks[0])
        if a1 > b0:
            return data, op
        return data[:a0] + data[b0:b1] + data[a1:b0] + data[a0:a1] + \
            data[b1:], op
    if op == "delete-token":
        s, e = rng.choice(toks)
        return data[:s] + data[e:], op
    if op == "replace-token":
        s, e = rng.choice(toks)
        s2, e2 = rng.choice(toks)
        return data[:s] + data[s2:e2] + data[e:], op
    if op == "unbalance":
        cands = [t for t in toks if data[t[0]:t[1]] in
                 (b"{", b"}", b"(", b")", b"[", b"]", b"<", b">")]
        if cands and rng.random() < 0.6:
            s, e = rng.choice(cands)
            return data[:s] + data[e:], "unbalance-delete"
        s, _ = rng.choice(toks)
        return data[:s] + rng.choice([b"{", b"}", b"(", b")", b"{{{", b"}}",
                                      b"((", b"))"]) + data[s:], \
            "unbalance-insert"
    # insert: mostly in the interesting places (function bodies), at a token
    s, _ = rng.choice(toks)
    ins = rng.choice(INSERTS)
    if rng.random() < 0.3:
        ins = b" " + ins + b" "
    return data[:s] + ins + data[s:], "insert"


# --------------------------------------------------------------------------
# generated programs

STD_CORO = r"""
namespace robust {
AWAITC_ASYNC awaitc::Coro<int> value(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

AWAITC_ASYNC awaitc::Coro<std::string> words(std::vector<std::string> in) {
  std::map<std::string, int> counts;
  std::string joined;
  for (const std::string &w : in) {
    counts[w] += AWAIT(value(1));
    joined += w;
  }
  std::optional<int> maybe = AWAIT(value(static_cast<int>(counts.size())));
  std::unique_ptr<int> owned = std::make_unique<int>(*maybe);
  AWAIT(awaitc::sleep(0));
  std::variant<int, std::string> var = joined;
  if (std::holds_alternative<std::string>(var))
    joined += std::to_string(*owned);
  return joined;
}

AWAITC_GENERATOR awaitc::Generator<std::pair<int, std::string>>
enumerate(std::vector<std::string> xs) {
  int i = 0;
  for (auto &x : xs)
    YIELD(std::make_pair(i++, x));
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::string s = AWAIT(words({"a", "b", "a"}));
  for (auto [i, x] : enumerate({"x", "y"}))
    std::printf("%d %s %s\n", i, x.c_str(), s.c_str());
  std::function<int(int)> f = [](int k) { return k + 1; };
  int r = f(AWAIT(value(2)));
  std::printf("%d\n", r);
}
} // namespace robust

int main() { awaitc::run(robust::main_coro()); }
"""

PRELUDE = """#include <awaitc/awaitc.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

AWAITC_ASYNC awaitc::Coro<int> v(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}
static int plain(int a, int b) { return a - b; }
struct Obj {
  int n;
  explicit Obj(int n) : n(n) {}
  Obj(const Obj &) = delete;
  Obj &operator=(const Obj &) = delete;
  ~Obj() {}
  int get() const { return n; }
};
"""


class ProgGen:
    """Random valid C++17 coroutines/generators with markers everywhere."""

    def __init__(self, rng, kind, budget, max_depth, full=False):
        self.rng, self.kind = rng, kind          # kind: coro-int, coro-void, gen
        # full: also structured bindings and catch by value in a
        # suspending handler (which the tool rejects).
        self.full = full
        self.budget, self.max_depth = budget, max_depth
        self.n = 0
        self.labels = 0

    def fresh(self, p="x"):
        self.n += 1
        return "%s%d" % (p, self.n)

    def expr(self, sc, d=0):
        r = self.rng
        ints = sc["ints"]
        choices = ["lit", "var", "var", "bin", "marker", "marker", "call",
                   "cond", "and", "obj", "lambda", "str"]
        if d > 3:
            choices = ["lit", "var", "marker"]
        c = r.choice(choices)
        if c == "marker":
            if self.kind == "gen":
                c = "bin"
            else:
                return "AWAIT(v(%s))" % self.expr(sc, d + 1)
        if c == "lit" or (c in ("var",) and not ints):
            return str(r.randrange(0, 10))
        if c == "var":
            return r.choice(ints)
        if c == "bin":
            return "(%s %s %s)" % (self.expr(sc, d + 1), r.choice(
                ["+", "-", "*", "^", "|", "&"]), self.expr(sc, d + 1))
        if c == "call":
            return "plain(%s, %s)" % (self.expr(sc, d + 1),
                                      self.expr(sc, d + 1))
        if c == "cond":
            return "(%s > 2 ? %s : %s)" % (self.expr(sc, d + 1),
                                           self.expr(sc, d + 1),
                                           self.expr(sc, d + 1))
        if c == "and":
            return "((%s && %s) ? 1 : 0)" % (self.expr(sc, d + 1),
                                             self.expr(sc, d + 1))
        if c == "obj" and sc["objs"]:
            return "%s.get()" % r.choice(sc["objs"])
        if c == "lambda" and ints:
            return "[&] { return %s + 1; }()" % r.choice(ints)
        if c == "str" and sc["strs"]:
            return "static_cast<int>(%s.size())" % r.choice(sc["strs"])
        return str(r.randrange(0, 10))

    def cond(self, sc):
        return "%s %s %d" % (self.expr(sc), self.rng.choice(
            ["<", ">", "!=", "=="]), self.rng.randrange(0, 5))

    def suspend(self, sc):
        if self.kind == "gen":
            return "YIELD(%s);" % self.expr(sc)
        return self.rng.choice(["AWAIT(awaitc::sleep(0));",
                                "AWAIT(v(%s));" % self.expr(sc),
                                "(void)AWAIT(v(%s));" % self.expr(sc)])

    def ret(self, sc):
        if self.kind == "coro-int":
            return "return %s;" % self.expr(sc)
        return "return;"

    def block(self, sc, depth, ind, loop=False, n=None):
        sc = {k: list(v) if isinstance(v, list) else v for k, v in sc.items()}
        if loop:
            sc["loop"] = True
        out = []
        n = n if n is not None else self.rng.randrange(1, 5)
        for _ in range(n):
            if self.budget <= 0:
                break
            out += self.stmt(sc, depth, ind)
        return out

    def stmt(self, sc, depth, ind):
        r = self.rng
        self.budget -= 1
        p = "  " * ind
        kinds = ["decl", "decl", "assign", "suspend", "suspend", "if",
                 "ifelse", "ifinit", "for", "rangefor", "while", "do",
                 "switch", "block", "try", "obj", "str", "binding", "ref",
                 "jump", "ret", "goto", "lambda"]
        if not self.full:
            kinds = [x for x in kinds if x != "binding"]
        if depth >= self.max_depth:
            kinds = ["decl", "assign", "suspend", "obj", "jump"]
        k = r.choice(kinds)
        ints = sc["ints"]
        if k == "decl":
            x = self.fresh()
            e = self.expr(sc)
            ints.append(x)
            return [p + "int %s = %s;" % (x, e)]
        if k == "assign" and ints:
            return [p + "%s %s %s;" % (r.choice(ints), r.choice(
                ["=", "+=", "-=", "^="]), self.expr(sc))]
        if k == "suspend" or k == "assign":
            return [p + self.suspend(sc)]
        if k == "obj":
            x = self.fresh("o")
            e = self.expr(sc)
            sc["objs"].append(x)
            return [p + "Obj %s(%s);" % (x, e)]
        if k == "str":
            x = self.fresh("s")
            sc["strs"].append(x)
            return [p + "std::string %s(%d, 'c');" % (x, r.randrange(1, 40))]
        if k == "binding":
            a, b = self.fresh("b"), self.fresh("b")
            e1, e2 = self.expr(sc), self.expr(sc)
            ints += [a, b]
            return [p + "auto [%s, %s] = std::make_pair(%s, %s);" % (
                a, b, e1, e2)]
        if k == "ref" and ints:
            x = self.fresh("r")
            t = r.choice(ints)
            ints.append(x)
            return [p + "int &%s = %s;" % (x, t)]
        if k == "lambda" and ints:
            # Closures that live across suspensions, with every capture
            # form; called after the next statements suspend.
            x, v = self.fresh("f"), r.choice(ints)
            capture = r.choice(["[=]", "[&]", "[%s]" % v, "[&%s]" % v,
                                "[c = %s]" % v, "[%s, k = 0]" % v])
            use = "c" if capture.startswith("[c") else v
            body = "return q + %s;" % use
            mut = ""
            if "k = 0" in capture:
                body, mut = "return q + %s + ++k;" % use, " mutable"
            return [p + "auto %s = %s(int q)%s { %s };" % (
                x, capture, mut, body), p + "%s = %s(%s);" % (
                r.choice(ints), x, self.expr(sc))]
        if k == "jump":
            j = r.choice(["break;", "continue;"]) if sc.get("loop") \
                else self.ret(sc)
            fmt = "if (%s) %s" if r.random() < 0.5 else "if (%s) { %s }"
            return [p + fmt % (self.cond(sc), j)]
        if k == "ret":
            fmt = "if (%s) %s" if r.random() < 0.5 else "if (%s) { %s }"
            return [p + fmt % (self.cond(sc), self.ret(sc))]
        d = depth + 1
        if k == "if":
            return [p + "if (%s) {" % self.cond(sc)] + \
                self.block(sc, d, ind + 1) + [p + "}"]
        if k == "ifelse":
            return [p + "if (%s) {" % self.cond(sc)] + \
                self.block(sc, d, ind + 1) + [p + "} else {"] + \
                self.block(sc, d, ind + 1) + [p + "}"]
        if k == "ifinit":
            x = self.fresh("t")
            sc2 = dict(sc, ints=ints + [x])
            return [p + "if (int %s = %s; %s > 1) {" % (x, self.expr(sc), x)] \
                + self.block(sc2, d, ind + 1) + [p + "}"]
        if k == "for":
            i = self.fresh("i")
            sc2 = dict(sc, ints=ints + [i])
            inc = "++%s" % i if r.random() < 0.6 or self.kind == "gen" else \
                "%s += AWAIT(v(1))" % i
            lim = "%d" % r.randrange(1, 4) if r.random() < 0.6 or \
                self.kind == "gen" else "AWAIT(v(3))"
            return [p + "for (int %s = 0; %s < %s; %s) {" % (i, i, lim, inc)] \
                + self.block(sc2, d, ind + 1, loop=True) + [p + "}"]
        if k == "rangefor":
            e = self.fresh("e")
            sc2 = dict(sc, ints=ints + [e])
            rng_expr = r.choice(["std::vector<int>{1, 2, 3}",
                                 "std::vector<int>(2, %s)" % self.expr(sc)])
            if ints and r.random() < 0.3:
                arr = self.fresh("a")
                return [p + "int %s[] = {%s, 2};" % (arr, self.expr(sc)),
                        p + "for (int &%s : %s) {" % (e, arr)] + \
                    self.block(sc2, d, ind + 1, loop=True) + [p + "}"]
            return [p + "for (int %s : %s) {" % (e, rng_expr)] + \
                self.block(sc2, d, ind + 1, loop=True) + [p + "}"]
        if k == "while":
            return [p + "while (%s) {" % self.cond(sc)] + \
                self.block(sc, d, ind + 1, loop=True) + [p + "}"]
        if k == "do":
            return [p + "do {"] + self.block(sc, d, ind + 1, loop=True) + \
                [p + "} while (%s);" % self.cond(sc)]
        if k == "switch":
            out = [p + "switch (%s) {" % self.expr(sc)]
            for c in sorted(r.sample(range(5), r.randrange(1, 4))):
                out += [p + "case %d: {" % c] + \
                    self.block(dict(sc, loop=sc.get("loop")), d, ind + 1) + \
                    [p + "  break;", p + "}"]
            out += [p + "default:", p + "  break;", p + "}"]
            return out
        if k == "block":
            return [p + "{"] + self.block(sc, d, ind + 1) + [p + "}"]
        if k == "try":
            x = self.fresh("k")
            sc2 = dict(sc, ints=ints + [x])
            return [p + "try {"] + self.block(sc, d, ind + 1) + \
                [p + "  if (%s) throw %s;" % (self.cond(sc), self.expr(sc)),
                 p + "} catch (int %s%s) {" % ("" if self.full else "&", x)] + \
                self.block(sc2, d, ind + 1) + [p + "}"]
        if k == "goto":
            self.labels += 1
            lab = "L%d" % self.labels
            return [p + "{"] + self.block(sc, d, ind + 1) + \
                [p + "  if (%s) goto %s;" % (self.cond(sc), lab)] + \
                self.block(sc, d, ind + 1) + [p + "}", p + "%s:;" % lab]
        return [p + self.suspend(sc)]

    def function(self, name, params="int p"):
        sc = {"ints": ["p"], "objs": [], "strs": []}
        body = self.block(sc, 0, 1, n=self.rng.randrange(3, 8))
        while self.budget > 0 and self.rng.random() < 0.5:
            body += self.block(sc, 0, 1, n=2)
        if self.kind == "coro-int":
            body.append("  return %s;" % self.expr(sc))
            head = "AWAITC_ASYNC awaitc::Coro<int> %s(%s)" % (name, params)
        elif self.kind == "coro-void":
            head = "AWAITC_ASYNC awaitc::Coro<void> %s(%s)" % (name, params)
        else:
            head = "AWAITC_GENERATOR awaitc::Generator<int> %s(%s)" % (
                name, params)
        return [head + " {"] + body + ["}"]


def deep_program(rng, k):
    """Extreme shapes: deep nesting, long expressions, many functions."""
    shape = rng.choice(["nest", "nest", "expr", "nested-await", "chain",
                        "many", "gen-nest", "ternary"])
    depth = rng.choice([10, 30, 60, 120, 200, 300, 600])
    out = [PRELUDE]
    if shape in ("nest", "gen-nest"):
        gen = shape == "gen-nest"
        out.append("AWAITC_%s %s deep(int p) {" % (
            "GENERATOR" if gen else "ASYNC",
            "awaitc::Generator<int>" if gen else "awaitc::Coro<int>"))
        closers = []
        for i in range(depth):
            c = rng.choice(["block", "if", "for", "while", "do", "switch",
                            "try", "else"])
            s = "YIELD(x%d);" % i if gen else "x%d += AWAIT(v(%d));" % (i, i)
            out.append("int x%d = p + %d; %s" % (i, i, s))
            if c == "block":
                out.append("{")
                closers.append("}")
            elif c == "if":
                out.append("if (x%d > 0) {" % i)
                closers.append("}")
            elif c == "else":
                out.append("if (x%d < 0) { p = 1; } else {" % i)
                closers.append("}")
            elif c == "for":
                out.append("for (int i%d = 0; i%d < 2; ++i%d) {" % (i, i, i))
                closers.append("}")
            elif c == "while":
                out.append("while (x%d-- > 0) {" % i)
                closers.append("}")
            elif c == "do":
                out.append("do {")
                closers.append("} while (x%d-- > 0);" % i)
            elif c == "switch":
                out.append("switch (x%d) { case 1: {" % i)
                closers.append("} break; default: break; }")
            else:
                out.append("try {")
                closers.append("} catch (...) { p = 2; }")
        out.append("YIELD(p);" if gen else "p += AWAIT(v(p));")
        out += reversed(closers)
        out.append("" if gen else "return p;")
        out.append("}")
    elif shape == "expr":
        n = rng.choice([10, 50, 200, 500, 1000])
        out.append("AWAITC_ASYNC awaitc::Coro<int> longexpr(int p) {")
        out.append("  int s = " + " + ".join("AWAIT(v(%d))" % i
                                             for i in range(n)) + ";")
        out.append("  return s + p;\n}")
    elif shape == "nested-await":
        n = min(depth, 250)
        out.append("AWAITC_ASYNC awaitc::Coro<int> nested(int p) {")
        out.append("  return " + "AWAIT(v(" * n + "p" + "))" * n + ";\n}")
    elif shape == "chain":
        n = rng.choice([10, 50, 200, 500])
        out.append("AWAITC_ASYNC awaitc::Coro<int> chain(int p) {")
        out.append("  if (" + " && ".join("AWAIT(v(%d)) > p" % i
                                          for i in range(n)) + ")")
        out.append("    return 1;")
        out.append("  return (" + " || ".join("AWAIT(v(%d)) == p" % i
                                              for i in range(n)) + ") ? 2 : 3;")
        out.append("}")
    elif shape == "ternary":
        n = min(depth, 200)
        e = "p"
        for i in range(n):
            e = "(AWAIT(v(%d)) > p ? %s : AWAIT(v(%d)))" % (i, e, i + 1)
        out.append("AWAITC_ASYNC awaitc::Coro<int> tern(int p) {")
        out.append("  return %s;\n}" % e)
    else:
        n = rng.choice([20, 100, 300])
        for i in range(n):
            out.append("AWAITC_ASYNC awaitc::Coro<int> f%d(int p) {" % i)
            if i:
                out.append("  int a = AWAIT(f%d(p));" % (i - 1))
            else:
                out.append("  int a = AWAIT(v(p));")
            out.append("  return a + 1;\n}")
    return "deep%05d-%s-%d.cpp" % (k, shape, depth), "\n".join(out) + "\n"


def generate_program(rng, k, small=False):
    if not small and rng.random() < 0.25:
        return deep_program(rng, k)
    out = [PRELUDE]
    names = []
    nf = rng.randrange(1, 4)
    full = rng.random() < 0.2
    for i in range(nf):
        kind = rng.choice(["coro-int", "coro-int", "coro-void", "gen"])
        g = ProgGen(rng, kind, budget=rng.randrange(5, 25 if small else 60),
                    max_depth=rng.randrange(2, 6), full=full)
        nm = "f%d" % i
        style = rng.choice(["free", "free", "static", "member", "template",
                            "namespace"])
        fn = g.function(nm)
        if style == "static":
            fn[0] = "static " + fn[0]
        elif style == "namespace":
            fn = ["namespace ns%d {" % i] + fn + ["}"]
            nm = "ns%d::%s" % (i, nm)
        elif style == "template":
            fn[0] = "template <class T> " + fn[0].replace("(int p)",
                                                           "(T p)")
            nm = nm + "<int>"
        elif style == "member":
            fn = ["struct C%d {" % i, "  int m = 1;"] + \
                ["  " + l for l in fn] + ["};"]
            fn = [l.replace("p + 1;", "p + m;") for l in fn]
            nm = "C%d().%s" % (i, nm)
        out += fn
        names.append((nm, kind))
    out.append("AWAITC_ASYNC awaitc::Coro<void> run_all() {")
    for nm, kind in names:
        if kind == "gen":
            out.append("  for (int x : %s(1)) (void)x;" % nm)
        elif kind == "coro-int":
            out.append("  (void)AWAIT(%s(1));" % nm)
        else:
            out.append("  AWAIT(%s(1));" % nm)
    out.append("}")
    out.append("int main() { awaitc::run(run_all()); }")
    return "prog%05d.cpp" % k, "\n".join(out) + "\n"


# --------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="See the module docstring (head of this file) for what is "
               "checked.", formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--budget-seconds", type=float, default=300,
                    help="stop starting new cases after this many seconds "
                         "(default 300)")
    ap.add_argument("--seed", default="1", help="seed (default 1)")
    ap.add_argument("--awaitc", default=os.path.join(REPO, "build", "bin",
                                                     "awaitc"))
    ap.add_argument("--include", default=os.path.join(REPO, "runtime",
                                                      "include"),
                    help="the runtime's include dir")
    ap.add_argument("--clangxx", default=shutil.which("clang++-19") or
                    "/usr/lib/llvm-19/bin/clang++")
    ap.add_argument("--gxx", default=shutil.which("g++") or "g++")
    ap.add_argument("--compile-commands", default=None,
                    help="compile_commands.json for the project's sources "
                         "(default build/compile_commands.json if present)")
    ap.add_argument("--report", help="write the counts, violations and log "
                                     "here")
    ap.add_argument("--failures-dir", default=None,
                    help="where reproducers go (default: <work-dir>/failures)")
    ap.add_argument("--work-dir", default=None,
                    help="scratch directory (default: a new temporary one, "
                         "removed at the end unless there were failures)")
    ap.add_argument("--timeout", type=int, default=20,
                    help="seconds before a run counts as hanging (real TUs "
                         "get 3x; default 20)")
    ap.add_argument("--reduce-seconds", type=float, default=60,
                    help="time to shrink each saved reproducer (0: off)")
    ap.add_argument("--keep-per-signature", type=int, default=2,
                    help="reproducers kept per distinct failure")
    ap.add_argument("--categories", default="real,annotated,generated,mutant")
    ap.add_argument("--max-mutants", type=int, default=None)
    ap.add_argument("--max-generated", type=int, default=None)
    ap.add_argument("--max-machine-files", type=int, default=40,
                    help="C++ files found on the machine to include")
    ap.add_argument("--max-headers", type=int, default=40,
                    help="/usr/include headers parsed as C++ to include")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    for tool in (a.awaitc, a.clangxx, a.gxx):
        if not (os.path.isfile(tool) and os.access(tool, os.X_OK)) and \
                not shutil.which(tool):
            print("robustness.py: not found: %s" % tool, file=sys.stderr)
            return 2
    a.awaitc = os.path.abspath(a.awaitc)
    a.include = os.path.abspath(a.include)
    own_work = a.work_dir is None
    if own_work:
        a.work_dir = tempfile.mkdtemp(prefix="awaitc-robustness-")
    os.makedirs(a.work_dir, exist_ok=True)
    if a.failures_dir is None:
        a.failures_dir = os.path.join(a.work_dir, "failures")
    a.failures_dir = os.path.abspath(a.failures_dir)
    # Reproducers of an earlier sweep in the same directory would be mixed
    # with this one's: remove those (only entries this script names).
    if os.path.isdir(a.failures_dir):
        for e in os.listdir(a.failures_dir):
            if re.match(r"^\d{3}-[a-z-]+$", e):
                shutil.rmtree(os.path.join(a.failures_dir, e),
                              ignore_errors=True)
    s = Sweep(a)
    try:
        rc = s.main()
    except KeyboardInterrupt:
        rc = s.finish() or 1
    if own_work and rc == 0 and not a.failures_dir.startswith(a.work_dir):
        shutil.rmtree(a.work_dir, ignore_errors=True)
    elif own_work and rc == 0:
        shutil.rmtree(a.work_dir, ignore_errors=True)
    return rc


if __name__ == "__main__":
    sys.exit(main())
