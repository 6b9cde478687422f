"""Records violations and saves a reproducer for each distinct failure.

A failure's signature is its kind plus what distinguishes it from other
failures of that kind with numbers and names blurred: the compiler's error
message for uncompilable output, the tool's own frames for a crash. The
first --keep-per-signature failures of a signature get a directory
NNN-kind/ under the failures directory with

  <input>            the input as the tool saw it
  reduced-<input>    the same cut down by lines while it fails the same way
                     (within --reduce-seconds; absent if nothing went)
  output.cpp         the tool's output, when it produced one
  stderr.txt         the stderr of the run that shows the violation
  README.txt         kind, detail, and the command to run in that directory

The sweep removes the NNN-kind/ directories of an earlier sweep from the
failures directory before it starts (see FAILURE_DIR_RE).
"""

import collections
import os
import re
import shlex
import time

from . import reducer
from .contract import gcc_flags
from .toolrun import write_bytes

FAILURE_DIR_RE = re.compile(r"^\d{3}-[a-z-]+$")
SOURCE_SUFFIXES = (".cpp", ".cc", ".cxx", ".h", ".hpp")
# A failure found by a run slower than this is not reduced: each reduction
# step would take as long.
MAX_SECONDS_TO_REDUCE = 5


def signature(violation):
    kind, detail, result = violation.kind, violation.detail, violation.result
    detail = detail.split(" [mutations")[0]
    if kind == "uncompilable-output":
        m = re.search(r"error: (.*)", detail)
        message = m.group(1) if m else detail
        message = re.sub(r"'[^']*'", "'_'", message)
        message = re.sub(r"\d+", "N", message)
        return kind + ": " + message[:120]
    if kind == "crash" and result is not None:
        frames = re.findall(rb"#\d+ 0x[0-9a-f]+ (?:in )?([A-Za-z_][^\s(]*)",
                            result.stderr)
        own = [f.decode(errors="replace") for f in frames
               if b"awaitc" in f or b"Lower" in f or b"Emit" in f or
               b"Analy" in f]
        return kind + ": " + detail.strip() + (" in " + own[0] if own
                                               else "")
    return kind + ": " + re.sub(r"\d+", "N", detail)[:120]


class FailureRecorder:
    def __init__(self, checker, failures_dir, scratch_dir, keep_per_signature,
                 reduce_seconds, log):
        self.checker = checker
        self.failures_dir = failures_dir
        self.scratch_dir = scratch_dir
        self.keep_per_signature = keep_per_signature
        self.reduce_seconds = reduce_seconds
        self.log = log
        self.violations = []  # (kind, input name, detail, saved dir or None)
        self.signatures = collections.Counter()
        self.saved = 0

    def record(self, name, flags, data, outcome, timeout, seconds_left):
        """Records every violation of outcome, found on `data` run with
        `flags`, and saves the first few of each signature."""
        for violation in outcome.violations:
            sig = signature(violation)
            self.signatures[sig] += 1
            saved_dir = None
            if self.signatures[sig] <= self.keep_per_signature:
                saved_dir = self._save(name, flags, data, violation, sig,
                                       outcome, timeout, seconds_left)
            self.violations.append((violation.kind, name, violation.detail,
                                    saved_dir))
            self.log("FAIL %s: %s: %s%s" % (
                violation.kind, name, violation.detail,
                (" -> " + saved_dir) if saved_dir else ""))

    def _save(self, name, flags, data, violation, sig, outcome, timeout,
              seconds_left):
        self.saved += 1
        base = re.sub(r"[^A-Za-z0-9_.-]+", "_", os.path.basename(name))
        if not base.endswith(SOURCE_SUFFIXES):
            base += ".cpp"
        d = os.path.join(self.failures_dir, "%03d-%s" % (self.saved,
                                                         violation.kind))
        os.makedirs(d, exist_ok=True)
        write_bytes(os.path.join(d, base), data)
        write_bytes(os.path.join(d, "stderr.txt"),
                    violation.result.stderr if violation.result else b"")
        if outcome.output is not None:
            write_bytes(os.path.join(d, "output.cpp"), outcome.output)
        command = " ".join(shlex.quote(a) for a in [
            self.checker.awaitc, base, "-o", "out.cpp", "--"] + flags)
        info = ["kind: " + violation.kind, "detail: " + violation.detail,
                "name: " + name, "command (in this directory): " + command]
        if violation.kind == "uncompilable-output":
            info.append("then: " + " ".join(shlex.quote(a) for a in [
                self.checker.gxx, "-fsyntax-only"] + gcc_flags(flags) +
                ["out.cpp"]))
        write_bytes(os.path.join(d, "README.txt"),
                    ("\n".join(info) + "\n").encode())
        seconds = outcome.seconds if outcome.seconds is not None else 99
        if self.reduce_seconds > 0 and violation.kind != "hang" and \
                seconds < MAX_SECONDS_TO_REDUCE:
            budget = min(self.reduce_seconds, max(5, seconds_left))
            reduced = self._reduce(data, flags, violation.kind, sig, timeout,
                                   time.monotonic() + budget)
            if reduced is not None and len(reduced) < len(data):
                write_bytes(os.path.join(d, "reduced-" + base), reduced)
        return d

    def _reduce(self, data, flags, kind, sig, timeout, deadline):
        os.makedirs(self.scratch_dir, exist_ok=True)
        src = os.path.join(self.scratch_dir, "input.cpp")
        # The reducer's runs are not part of the sweep's counts.
        uncounted = collections.Counter()

        def still_fails(candidate):
            write_bytes(src, candidate)
            outcome = self.checker.check("reduce", src, flags, timeout,
                                         uncounted, output_mode="o")
            return any(v.kind == kind and signature(v) == sig
                       for v in outcome.violations)

        return reducer.reduce_lines(data, still_fails, deadline)
