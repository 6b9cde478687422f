"""Builds one program every way, compares, and classifies what went wrong.

Classes (each failure gets exactly one, the first that applies):
  invalid-program     Clang rejects the untransformed program (a generator
                      bug, never the tool's)
  tool-crash          awaitc died (signal, assertion, exit status not 0/1)
  false-refusal       awaitc reported an error on a program Clang accepts
  oracle-refusal      `awaitc --emit=cxx20` reported an error or crashed
  uncompilable        a state-machine output does not compile
  oracle-uncompilable the C++20 output does not compile
  timeout             a build's program did not finish
  sanitizer           ASan/UBSan reported an error in the state-machine build
  crash               a program died by a signal without a sanitizer report
  selfcheck           a program printed a BAD line (a tracer used, moved or
                      destroyed when dead): wrong without any oracle
  mismatch-oracle     state machines and C++20 coroutines print differently
  mismatch-compilers  g++ and clang++ builds of the state machines differ
  mismatch-sanitizer  the ASan build differs from the plain clang++ build
                      without a report (undefined behaviour somewhere)
"""

import os
import re

from . import builder

ORDER = ["invalid-program", "tool-crash", "false-refusal", "oracle-refusal",
         "uncompilable", "oracle-uncompilable", "timeout", "sanitizer",
         "crash", "selfcheck", "mismatch-oracle", "mismatch-compilers",
         "mismatch-sanitizer"]


class Outcome:
    def __init__(self, cls=None, sig="", detail="", build=None, command=""):
        self.cls = cls          # None: all builds agree
        self.sig = sig          # what tells two failures of a class apart
        self.detail = detail    # a human-readable excerpt
        self.build = build      # the build concerned, if one
        self.command = command  # the command that shows it
        self.outputs = {}
        self.seconds = 0.0

    @property
    def ok(self):
        return self.cls is None

    def key(self):
        return "%s: %s" % (self.cls, self.sig) if self.sig else str(self.cls)


def normalize(msg):
    """A message with the program-specific names and numbers taken out."""
    msg = re.sub(r"^.*?:\d+:\d+: ", "", msg.strip())
    msg = re.sub(r"\b(v|t|b|c|e|g|i|w|d|n|x|arr|pr|p|L|B|task|f|gen|leaf)"
                 r"\d+\b", r"\1N", msg)
    msg = re.sub(r"\d+", "N", msg)
    return msg[:200]


def first_error(text):
    for line in text.splitlines():
        if "error:" in line:
            return line
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def tool_crashed(r):
    if r.timed_out:
        return True
    if r.rc is None or r.rc < 0 or r.rc not in (0, 1):
        return True
    return ("Stack dump" in r.err or "PLEASE submit" in r.err or
            "Assertion" in r.err)


SAN_RE = re.compile(r"ERROR: AddressSanitizer: ([\w-]+)|"
                    r"runtime error: ([^\n]*)|"
                    r"ERROR: LeakSanitizer: ([\w-]+)")


def sanitizer_report(err):
    m = SAN_RE.search(err)
    if not m:
        return None
    return normalize(next(g for g in m.groups() if g))


def observed(r):
    """What must be identical across builds: stdout and the exit status."""
    return "%s[exit %s]\n" % (r.out, r.rc)


def first_difference(a, b):
    la, lb = a.splitlines(), b.splitlines()
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else "<end>"
        y = lb[i] if i < len(lb) else "<end>"
        if x != y:
            return i + 1, x, y
    return None


def shape(line):
    return re.sub(r"\d+", "N", line)


def check(tc, text, workdir, only=None, name="prog"):
    """Runs the whole pipeline on `text`; `only` limits it to the builds
    named (the reducer needs fewer). Returns an Outcome."""
    os.makedirs(workdir, exist_ok=True)
    src = os.path.join(workdir, name + ".cpp")
    with open(src, "w") as f:
        f.write(text)
    total = 0.0

    def finish(o):
        o.seconds = total
        return o

    wanted = builder.builds(tc, only)
    kinds = {b.source_kind for b in wanted} or {"sm"}
    outputs = {}
    for kind in sorted(kinds):
        out = os.path.join(workdir, "%s.%s.cpp" % (name, kind))
        r = tc.transpile(src, out, emit="cxx20" if kind == "cxx20" else None)
        total += r.seconds
        oracle_side = kind == "cxx20"
        if tool_crashed(r):
            return finish(Outcome(
                "oracle-refusal" if oracle_side else "tool-crash",
                "crash" if oracle_side else normalize(first_error(r.err) or
                                                      "timeout"),
                r.err[-3000:], kind, r.command_line()))
        if r.rc != 0:
            syn = tc.syntax_check(src)
            total += syn.seconds
            if syn.rc != 0:
                return finish(Outcome("invalid-program",
                                      normalize(first_error(syn.err)),
                                      syn.err[-3000:], None,
                                      syn.command_line()))
            return finish(Outcome(
                "oracle-refusal" if oracle_side else "false-refusal",
                normalize(first_error(r.err)), r.err[-3000:], kind,
                r.command_line()))
        outputs[kind] = out
    results = {}
    for b in wanted:
        exe = os.path.join(workdir, "%s.%s" % (name, b.name))
        c = builder.compile_build(tc, b, outputs[b.source_kind], exe)
        total += c.seconds
        if c.rc != 0:
            cls = "oracle-uncompilable" if b.source_kind == "cxx20" \
                else "uncompilable"
            return finish(Outcome(cls, normalize(first_error(c.err) or
                                                 "timeout"),
                                  c.err[-3000:], b.name, c.command_line()))
        r = builder.run_program(tc, exe)
        total += r.seconds
        results[b.name] = r
    o = Outcome()
    o.outputs = {k: observed(r) for k, r in results.items()}
    for bname, r in results.items():
        if r.timed_out:
            return finish(Outcome("timeout", bname, r.out[-2000:], bname,
                                  r.command_line()))
    if "asan" in results:
        rep = sanitizer_report(results["asan"].err)
        if rep:
            return finish(Outcome("sanitizer", rep,
                                  results["asan"].err[:4000], "asan",
                                  results["asan"].command_line()))
    for bname, r in results.items():
        if r.rc is not None and r.rc < 0:
            return finish(Outcome("crash", "signal %d" % -r.rc,
                                  (r.out[-1000:] + r.err[-2000:]), bname,
                                  r.command_line()))
    for bname, r in results.items():
        bad = [line for line in r.out.splitlines() if line.startswith("BAD")]
        if bad:
            return finish(Outcome("selfcheck", shape(bad[0]),
                                  "\n".join(bad[:5]), bname,
                                  r.command_line()))

    def differ(cls, a, b):
        if a in results and b in results and \
                observed(results[a]) != observed(results[b]):
            line, x, y = first_difference(observed(results[a]),
                                          observed(results[b]))
            # The shapes of the first differing lines tell mismatches apart
            # roughly (a tracer's death moved, a print missing, ...).
            return Outcome(cls, "%s | %s" % (shape(x), shape(y)),
                           "line %d: %s: %r, %s: %r" %
                           (line, a, x, b, y), "%s/%s" % (a, b))
        return None

    base = "clang" if "clang" in results else "gcc"
    for cls, a, b in [("mismatch-oracle", "cxx20", base),
                      ("mismatch-compilers", "gcc", "clang"),
                      ("mismatch-sanitizer", "asan", "clang")]:
        d = differ(cls, a, b)
        if d:
            d.outputs = o.outputs
            return finish(d)
    return finish(o)


def builds_needed(outcome):
    """The builds a reducer must repeat to see the same failure."""
    cls = outcome.cls
    if cls in ("tool-crash", "false-refusal", "invalid-program"):
        return []
    if cls in ("oracle-refusal", "oracle-uncompilable"):
        return ["cxx20"]
    if cls in ("uncompilable", "timeout", "crash", "selfcheck"):
        return [outcome.build]
    if cls == "sanitizer":
        return ["asan"]
    if cls == "mismatch-oracle":
        return ["cxx20", "clang"]
    if cls == "mismatch-compilers":
        return ["gcc", "clang"]
    if cls == "mismatch-sanitizer":
        return ["asan", "clang"]
    return None
