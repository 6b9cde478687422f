"""The tool's contract, checked on one run over one input.

For every input the sweep passes (always with a valid command line):

  * the exit status is 0, 1 or 2: no signal, no abort, no crash marker on
    stderr (CRASH_MARKERS), and never 2, which is for usage errors;
  * the run ends within its time limit; one that does not is run again with
    four times the limit before it counts as a hang (the machine may be
    loaded);
  * on a non-zero exit: no output at all (no file written, a pre-existing
    output file left untouched, nothing on stdout in standard-output mode,
    nothing else left in the output directory), "error:" on stderr, and for
    input errors a Clang-style `file:line:col: error:` diagnostic;
  * a file without annotation that the tool accepts comes out
    byte-identical, and one without annotation or marker that clang++
    accepts is accepted;
  * an annotated file it accepts and transforms must compile with
    clang++-19 (the tool must not accept what the compiler rejects), and its
    output must compile with g++ -fsyntax-only;
  * the output is deterministic (when asked: two more runs compared), and
    the input file is never modified.

Each broken rule is a Violation whose kind names the rule; what is counted
along the way (exit statuses, outputs compiled, ...) goes into a Counter the
caller owns, so that a reducer's runs can be left out of the report.
"""

import os
import random
import re
import shutil
import signal

from .toolrun import binary_stamp, read_bytes, run, write_bytes

# On stderr, any of these means the process crashed or aborted, whatever
# its exit status.
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
MARKER_RE = re.compile(
    rb"\b(?:AWAITC_)?(?:AWAIT|YIELD|AWAIT_EACH)\b|markers::")
CLANG_DIAGNOSTIC_RE = re.compile(rb"(^|\n)[^\n]*:\d+:\d+: (fatal )?error: ")
# A file Clang cannot read as text (a UTF-16 or UTF-32 byte order mark) is
# reported without a location, by the tool as by the compiler.
CLANG_UNREADABLE_RE = re.compile(
    rb"(^|\n)fatal error: [^\n]*byte order mark detected")

# Every kind of violation, in the order the report lists them.
VIOLATION_KINDS = [
    "crash", "hang", "non-identical-passthrough", "uncompilable-output",
    "output-on-error", "leftover-files", "bad-diagnostics",
    "accepted-invalid", "rejected-valid-passthrough", "nondeterministic",
    "input-modified", "bad-exit",
]

# How the tool is asked to write its output; "-o" most of the time.
OUTPUT_MODES = ["o", "o", "o", "sentinel", "stdout"]
SENTINEL = b"// pre-existing output file: must survive an error\n"

# Passed to clang++ when it decides whether an input is valid C++: the
# markers expand to returns the tool removes, which Clang would otherwise
# reject in a function returning a coroutine type.
CLANG_VALIDITY_FLAGS = ["-Wno-return-mismatch", "-Wno-return-type", "-w"]


class Violation:
    def __init__(self, kind, detail, result):
        self.kind = kind
        self.detail = detail
        self.result = result  # the run that shows it (tool or compiler)


class Outcome:
    """One checked run: its violations and what the tool did."""

    def __init__(self):
        self.violations = []
        self.exit = None      # exit status, or "timeout"
        self.seconds = None
        self.output = None    # the output when the tool accepted the input

    def add(self, kind, detail, result):
        self.violations.append(Violation(kind, detail, result))


def gcc_flags(flags):
    """The input's flags as g++ takes them."""
    return [a for a in flags if a != "-Wno-return-mismatch"]


def first_difference(a, b):
    n = min(len(a), len(b))
    i = next((k for k in range(n) if a[k] != b[k]), n)
    line = a[:i].count(b"\n") + 1
    return "output differs from input at byte %d (line %d; sizes %d/%d)" % (
        i, line, len(a), len(b))


def first_error(stderr):
    text = stderr.decode(errors="replace")
    for line in text.splitlines():
        if "error:" in line:
            return line.strip()[:300]
    return text.strip()[:300]


class ContractChecker:
    def __init__(self, awaitc, clangxx, gxx, work_dir, log):
        self.awaitc = awaitc
        self.clangxx = clangxx
        self.gxx = gxx
        self.out_dir = os.path.join(work_dir, "out")
        self.log = log

    def clang_accepts(self, path, flags, timeout=180):
        """Whether clang++-19 accepts the file (the tool's own parser), and
        its run."""
        r = run([self.clangxx, "-fsyntax-only"] + CLANG_VALIDITY_FLAGS +
                flags + [path], timeout)
        return r.returncode == 0 and not r.timed_out, r

    def check(self, name, src, flags, timeout, counts, *, determinism=False,
              output_mode=None, rng=None):
        """Runs the tool on src with flags and checks the contract.

        output_mode is "o" (write to a fresh -o file), "sentinel" (-o over a
        file that exists, which an error must leave alone) or "stdout";
        by default rng picks one."""
        outcome = Outcome()
        data = read_bytes(src)
        annotated = bool(ANNOTATION_RE.search(data))
        has_marker = bool(MARKER_RE.search(data))
        shutil.rmtree(self.out_dir, ignore_errors=True)
        os.makedirs(self.out_dir)
        out = os.path.join(self.out_dir, "result.cpp")
        rng = rng or random.Random(0)
        mode = output_mode or rng.choice(OUTPUT_MODES)
        if mode == "sentinel":
            write_bytes(out, SENTINEL)
        cmd = [self.awaitc, src] + (["-o", out] if mode != "stdout" else []) \
            + ["--"] + flags

        r = run(cmd, timeout)
        counts["runs"] += 1
        if r.timed_out:
            retry = run(cmd, timeout * 4)
            counts["runs"] += 1
            if retry.timed_out:
                outcome.add("hang", "no exit after %ds (and %ds)" %
                            (timeout, timeout * 4), retry)
                outcome.exit = "timeout"
                return outcome
            counts["slow"] += 1
            self.log("slow: %s took %.1fs" % (name, retry.seconds))
            r = retry
        outcome.exit = r.returncode
        outcome.seconds = r.seconds

        if read_bytes(src) != data:
            outcome.add("input-modified", "the input file changed", r)
        crash_markers = [m.decode() for m in CRASH_MARKERS if m in r.stderr]
        if r.returncode < 0 or r.returncode >= 128 or crash_markers:
            signal_name = ""
            if r.returncode < 0:
                try:
                    signal_name = signal.Signals(-r.returncode).name
                except ValueError:
                    signal_name = "signal %d" % -r.returncode
            outcome.add("crash", "exit %s %s %s" % (
                r.returncode, signal_name, ", ".join(crash_markers)), r)
            return outcome
        if r.returncode not in (0, 1, 2):
            outcome.add("bad-exit", "exit status %d" % r.returncode, r)
            return outcome
        counts["exit%d" % r.returncode] += 1

        leftovers = sorted(set(os.listdir(self.out_dir)) - {"result.cpp"})
        if leftovers:
            outcome.add("output-on-error" if r.returncode else
                        "leftover-files",
                        "files left in the output dir: %s" % leftovers, r)
        if r.returncode != 0:
            self._check_error(outcome, r, src, flags, counts, mode, out,
                              annotated or has_marker)
            return outcome

        result = r.stdout if mode == "stdout" else (
            read_bytes(out) if os.path.exists(out) else None)
        if result is None:
            outcome.add("bad-exit", "exit 0 but no output file", r)
            return outcome
        outcome.output = result
        if result == data:
            counts["passthrough-identical"] += 1
        if not annotated:
            if result != data:
                outcome.add("non-identical-passthrough",
                            first_difference(data, result), r)
            return outcome
        if result != data:
            counts["transformed"] += 1
        if determinism:
            self._check_determinism(outcome, src, flags, timeout, counts)
        if result != data:
            self._check_output_compiles(outcome, name, src, flags, result,
                                        counts, r)
        return outcome

    def _check_error(self, outcome, r, src, flags, counts, mode, out,
                     annotated_or_marked):
        rc = r.returncode
        if mode == "stdout" and r.stdout:
            outcome.add("output-on-error", "exit %d but %d bytes on stdout" %
                        (rc, len(r.stdout)), r)
        if mode == "sentinel":
            if not os.path.exists(out) or read_bytes(out) != SENTINEL:
                outcome.add("output-on-error", "exit %d but the existing "
                            "output file was changed or removed" % rc, r)
        elif os.path.exists(out):
            outcome.add("output-on-error", "exit %d but wrote %s" % (rc, out),
                        r)
        if b"error:" not in r.stderr:
            outcome.add("bad-diagnostics",
                        "exit %d without 'error:' on stderr" % rc, r)
        elif rc == 1 and not CLANG_DIAGNOSTIC_RE.search(r.stderr) and \
                not CLANG_UNREADABLE_RE.search(r.stderr):
            outcome.add("bad-diagnostics", "input error without a "
                        "file:line:col: error: diagnostic", r)
        if rc == 2:
            outcome.add("bad-exit",
                        "exit 2 (usage error) for a valid command line", r)
        if rc == 1 and not annotated_or_marked:
            if self.clang_accepts(src, flags)[0]:
                outcome.add("rejected-valid-passthrough",
                            "exit 1 on an unannotated file without markers "
                            "that clang++ accepts", r)
            else:
                counts["inputs-not-compiling"] += 1

    def _check_determinism(self, outcome, src, flags, timeout, counts):
        # Two more runs made by the same binary: it may be rebuilt while the
        # sweep runs, and two builds may differ.
        for _ in range(3):
            stamp = binary_stamp(self.awaitc)
            first = run([self.awaitc, src, "--"] + flags, timeout * 2)
            second = run([self.awaitc, src, "--"] + flags, timeout * 2)
            counts["runs"] += 2
            if stamp == binary_stamp(self.awaitc):
                break
        if first.returncode == 0 and second.returncode == 0 and \
                first.stdout != second.stdout:
            outcome.add("nondeterministic", "two runs differ: " +
                        first_difference(first.stdout, second.stdout), second)

    def _check_output_compiles(self, outcome, name, src, flags, result,
                               counts, r):
        if not self.clang_accepts(src, flags)[0]:
            counts["inputs-not-compiling"] += 1
            outcome.add("accepted-invalid", "exit 0 on an input that "
                        "clang++-19 -fsyntax-only rejects", r)
            return
        compiled = os.path.join(self.out_dir, "compiled.cpp")
        write_bytes(compiled, result)
        g = run([self.gxx, "-fsyntax-only", "-w"] + gcc_flags(flags) +
                [compiled], 300)
        if g.timed_out:
            self.log("g++ timed out on the output of %s" % name)
        elif g.returncode != 0:
            if b"memory exhausted" in g.stderr or \
                    b"out of memory" in g.stderr:
                self.log("g++ out of memory on the output of %s" % name)
            else:
                outcome.add("uncompilable-output", first_error(g.stderr), g)
        else:
            counts["outputs-compiled"] += 1
