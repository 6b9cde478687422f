#!/usr/bin/env python3
"""Robustness sweep for the awaitc tool: it must never crash or hang.

Runs awaitc over C++ it did not write (real translation units), over
annotated files, over generated programs and over mutants of all of these,
and checks the tool's contract on every run (awaitc_robustness/contract.py).
The four categories share the time budget (--budget-seconds) in fixed
proportions; everything is deterministic for a given --seed (case k of a
category is the same whatever the timing), and how far the sweep gets
depends on the budget. Each failure is saved under --failures-dir with a
reproducer. See README.md.

Exit status: 0 when no violation was found, 1 otherwise, 2 on a usage or
setup error.
"""

import argparse
import collections
import os
import random
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from awaitc_robustness import (contract, corpus, generator,  # noqa: E402
                               mutator)
from awaitc_robustness.failures import (FAILURE_DIR_RE,  # noqa: E402
                                        FailureRecorder)
from awaitc_robustness.toolrun import write_bytes  # noqa: E402

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))

EXAMPLES = """examples:
  test/robustness/robustness.py --budget-seconds 120 --seed 1
  test/robustness/robustness.py --budget-seconds 1200 --seed 7 \\
      --report r.txt --failures-dir /tmp/awaitc-failures
"""

# Share of the budget each category gets.
CATEGORY_WEIGHTS = {"real": 0.3, "annotated": 0.15, "generated": 0.2,
                    "mutant": 0.35}
# Small generated programs added to the mutants' bases.
GENERATED_MUTATION_BASES = 6
# Real translation units get this many times --timeout.
REAL_TIMEOUT_FACTOR = 3
# A mutant may take this many times as long as its base did.
MUTANT_TIMEOUT_FACTOR = 8
# Every fifth generated program is checked for determinism too.
GENERATED_DETERMINISM_EVERY = 5

COUNTED = ["files", "annotated-files", "generated", "mutants", "runs",
           "exit0", "exit1", "exit2", "passthrough-identical", "transformed",
           "outputs-compiled", "inputs-not-compiling", "slow"]


class Sweep:
    def __init__(self, args):
        self.args = args
        self.start = time.monotonic()
        self.deadline = self.start + args.budget_seconds
        self.counts = collections.Counter({k: 0 for k in COUNTED})
        self.log_lines = []
        self.notes = []
        self.spent = {}
        self.runtime_flags = ["-std=c++17", "-I", args.include]
        self.checker = contract.ContractChecker(args.awaitc, args.clangxx,
                                                args.gxx, args.work_dir,
                                                self.log)
        self.failures = FailureRecorder(
            self.checker, args.failures_dir,
            os.path.join(args.work_dir, "reduce"), args.keep_per_signature,
            args.reduce_seconds, self.log)

    def log(self, msg):
        line = "[%6.1fs] %s" % (time.monotonic() - self.start, msg)
        self.log_lines.append(line)
        if self.args.verbose or msg.startswith("FAIL"):
            print(line, flush=True)

    def seconds_left(self):
        return self.deadline - time.monotonic()

    def scratch_path(self, subdir, name):
        d = os.path.join(self.args.work_dir, subdir)
        os.makedirs(d, exist_ok=True)
        return os.path.join(d, name)

    def check_and_record(self, name, path, flags, timeout, data, **options):
        outcome = self.checker.check(name, path, flags, timeout, self.counts,
                                     **options)
        if outcome.violations:
            self.failures.record(name, flags, data, outcome, timeout,
                                 self.seconds_left())
        return outcome

    # -- one case of each category --------------------------------------------
    def run_item(self, item, determinism):
        self.counts["files"] += 1
        if item.category == "annotated":
            self.counts["annotated-files"] += 1
        timeout = self.args.timeout
        if item.category == "real":
            timeout *= REAL_TIMEOUT_FACTOR
        rng = random.Random("%s:%s" % (self.args.seed, item.name))
        outcome = self.check_and_record(item.name, item.path, item.flags,
                                        timeout, item.data(),
                                        determinism=determinism, rng=rng)
        item.base_seconds = outcome.seconds
        self.log("%s: %s exit %s in %.1fs" % (item.category, item.name,
                                              outcome.exit,
                                              outcome.seconds or 0))

    def run_generated(self, k):
        rng = random.Random("%s:gen:%d" % (self.args.seed, k))
        name, text = generator.random_program(rng, k)
        self.counts["generated"] += 1
        path = self.scratch_path("gen", name)
        write_bytes(path, text.encode())
        outcome = self.check_and_record(
            name, path, self.runtime_flags, self.args.timeout, text.encode(),
            rng=rng, determinism=(k % GENERATED_DETERMINISM_EVERY == 0))
        self.log("generated: %s exit %s in %.1fs" % (name, outcome.exit,
                                                    outcome.seconds or 0))

    def run_mutant(self, k, bases):
        rng = random.Random("%s:mut:%d" % (self.args.seed, k))
        base = rng.choices(bases, weights=[mutator.base_weight(i)
                                           for i in bases])[0]
        data = base.data()
        mutations = []
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            data, mutation = mutator.mutate(rng, data)
            mutations.append(mutation)
        self.counts["mutants"] += 1
        stem = re.sub(r"[^A-Za-z0-9_]+", "_",
                      os.path.splitext(base.name)[0])[-40:]
        name = "mut%05d-%s%s" % (k, stem, ".h" if base.header else ".cpp")
        path = self.scratch_path("mut", name)
        write_bytes(path, data)
        flags = base.flags + ["-I", base.origin_dir]
        timeout = max(self.args.timeout,
                      int((base.base_seconds or 1.0) * MUTANT_TIMEOUT_FACTOR))
        outcome = self.checker.check(name, path, flags, timeout, self.counts,
                                     rng=rng)
        self.log("mutant: %s [%s] exit %s in %.1fs" % (
            name, ",".join(mutations), outcome.exit, outcome.seconds or 0))
        if outcome.violations:
            for v in outcome.violations:
                v.detail += " [mutations: %s of %s]" % (",".join(mutations),
                                                        base.name)
            self.failures.record(name, flags, data, outcome, timeout,
                                 self.seconds_left())

    # -- the budgeted loop ----------------------------------------------------
    def collect(self, categories):
        a = self.args
        llvm_include, how = corpus.find_llvm_include_dir(a.llvm_include)
        if llvm_include:
            self.log("LLVM headers: %s (%s)" % (llvm_include, how))
        elif "real" in categories:
            self.notes.append("LLVM/Clang headers skipped: %s" % how)
        finder = corpus.CorpusFinder(
            SOURCE_DIR, a.work_dir, a.include, llvm_include,
            a.compile_commands, self.checker.clang_accepts, self.log,
            a.max_machine_files, a.max_headers)
        rng = random.Random("%s:corpus" % a.seed)
        real = finder.real_items(rng) if "real" in categories else []
        annotated = finder.annotated_items(rng) \
            if categories & {"annotated", "mutant"} else []
        if finder.dropped_std_headers:
            self.notes.append("standard headers clang++ cannot parse, left "
                              "out: %s" %
                              " ".join(sorted(finder.dropped_std_headers)))
        bases = annotated + [i for i in real if i.priority != corpus.FIXED]
        for j in range(GENERATED_MUTATION_BASES):
            name, text = generator.random_program(
                random.Random("%s:genpool:%d" % (a.seed, j)), j, small=True)
            path = finder.scratch_file("pool_" + name, text.encode())
            bases.append(corpus.Item(name, "generated", self.runtime_flags,
                                     path))
        self.log("corpus: %d real, %d annotated, %d mutation bases" %
                 (len(real), len(annotated), len(bases)))
        return real, annotated, bases

    def run(self):
        a = self.args
        categories = set(a.categories.split(","))
        self.log("collecting the corpus")
        real, annotated, bases = self.collect(categories)
        queues = {
            "real": iter(real if "real" in categories else ()),
            "annotated": iter(annotated if "annotated" in categories else ()),
        }
        done = set(c for c in CATEGORY_WEIGHTS if c not in categories)
        spent = {c: 0.0 for c in CATEGORY_WEIGHTS}
        generated = mutants = 0
        while len(done) < len(CATEGORY_WEIGHTS) and self.seconds_left() > 0:
            # The category furthest behind its share of the time.
            category = min((c for c in CATEGORY_WEIGHTS if c not in done),
                           key=lambda c: (spent[c] / CATEGORY_WEIGHTS[c], c))
            started = time.monotonic()
            if category in queues:
                item = next(queues[category], None)
                if item is None:
                    done.add(category)
                    continue
                self.run_item(item, determinism=(category == "annotated"))
            elif category == "generated":
                if a.max_generated is not None and \
                        generated >= a.max_generated:
                    done.add(category)
                    continue
                self.run_generated(generated)
                generated += 1
            else:
                if (a.max_mutants is not None and mutants >= a.max_mutants) \
                        or not bases:
                    done.add(category)
                    continue
                self.run_mutant(mutants, bases)
                mutants += 1
            spent[category] += time.monotonic() - started
        self.spent = spent
        return self.report()

    # -- the report -----------------------------------------------------------
    def report(self):
        c = collections.Counter(self.counts)
        for kind, _, _, _ in self.failures.violations:
            c[kind] += 1
        violations = self.failures.violations
        elapsed = time.monotonic() - self.start
        lines = [
            "awaitc robustness sweep: seed %s, budget %ss, %.0fs elapsed" % (
                self.args.seed, self.args.budget_seconds, elapsed),
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
                c["output-on-error"], c["leftover-files"],
                c["bad-diagnostics"], c["accepted-invalid"],
                c["rejected-valid-passthrough"], c["nondeterministic"],
                c["input-modified"], c["bad-exit"]),
        ]
        lines += ["  note: " + n for n in self.notes]
        if self.failures.signatures:
            lines.append("  distinct failures:")
            for sig, n in sorted(self.failures.signatures.items()):
                lines.append("    %4d x %s" % (n, sig))
        lines.append("RESULT: %s" % (
            "FAIL (%d violations; reproducers in %s)" % (
                len(violations), self.args.failures_dir)
            if violations else "PASS"))
        text = "\n".join(lines) + "\n"
        print(text, end="")
        if self.args.report:
            with open(self.args.report, "w") as f:
                f.write(text)
                f.write("\nviolations:\n")
                for kind, name, detail, saved_dir in violations:
                    f.write("  %s: %s: %s%s\n" % (
                        kind, name, detail,
                        (" -> " + saved_dir) if saved_dir else ""))
                f.write("\nlog:\n")
                f.write("\n".join(self.log_lines) + "\n")
        return 1 if violations else 0


def parse_args():
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--budget-seconds", type=float, default=300,
                    help="stop starting new cases after this many seconds "
                         "(default 300)")
    ap.add_argument("--seed", default="1", help="seed (default 1)")
    ap.add_argument("--awaitc", default=os.path.join(SOURCE_DIR, "build",
                                                     "bin", "awaitc"),
                    help="the tool (default build/bin/awaitc)")
    ap.add_argument("--include", default=os.path.join(SOURCE_DIR, "runtime",
                                                      "include"),
                    help="the runtime's include dir")
    ap.add_argument("--llvm-include", default=None,
                    help="LLVM/Clang's include dir, for the translation "
                         "units of LLVM and Clang headers (default: "
                         "llvm-config-19 --includedir; without one they are "
                         "skipped)")
    ap.add_argument("--clangxx", default=shutil.which("clang++-19") or
                    "/usr/lib/llvm-19/bin/clang++",
                    help="clang++ 19, which decides whether an input is "
                         "valid C++")
    ap.add_argument("--gxx", default=shutil.which("g++") or "g++",
                    help="g++, which compiles the tool's outputs")
    ap.add_argument("--compile-commands", default=os.path.join(
                        SOURCE_DIR, "build", "compile_commands.json"),
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
                         "get %dx; default 20)" % REAL_TIMEOUT_FACTOR)
    ap.add_argument("--reduce-seconds", type=float, default=60,
                    help="time to shrink each saved reproducer (0: off)")
    ap.add_argument("--keep-per-signature", type=int, default=2,
                    help="reproducers kept per distinct failure")
    ap.add_argument("--categories", default=",".join(CATEGORY_WEIGHTS),
                    help="which categories to run, comma-separated "
                         "(default: all of %(default)s)")
    ap.add_argument("--max-mutants", type=int, default=None)
    ap.add_argument("--max-generated", type=int, default=None)
    ap.add_argument("--max-machine-files", type=int, default=40,
                    help="C++ files found on the machine to include")
    ap.add_argument("--max-headers", type=int, default=40,
                    help="system headers parsed as C++ to include")
    ap.add_argument("-v", "--verbose", action="store_true")
    return ap.parse_args()


def main():
    a = parse_args()
    for tool in (a.awaitc, a.clangxx, a.gxx):
        if not (os.path.isfile(tool) and os.access(tool, os.X_OK)) and \
                not shutil.which(tool):
            print("robustness.py: not found: %s" % tool, file=sys.stderr)
            return 2
    unknown = set(a.categories.split(",")) - set(CATEGORY_WEIGHTS)
    if unknown:
        print("robustness.py: unknown categories: %s" %
              ", ".join(sorted(unknown)), file=sys.stderr)
        return 2
    a.awaitc = os.path.abspath(a.awaitc)
    a.include = os.path.abspath(a.include)
    own_work_dir = a.work_dir is None
    if own_work_dir:
        a.work_dir = tempfile.mkdtemp(prefix="awaitc-robustness-")
    os.makedirs(a.work_dir, exist_ok=True)
    if a.failures_dir is None:
        a.failures_dir = os.path.join(a.work_dir, "failures")
    a.failures_dir = os.path.abspath(a.failures_dir)
    # Reproducers of an earlier sweep in the same directory would be mixed
    # with this one's: remove those (only entries this script names).
    if os.path.isdir(a.failures_dir):
        for entry in os.listdir(a.failures_dir):
            if FAILURE_DIR_RE.match(entry):
                shutil.rmtree(os.path.join(a.failures_dir, entry),
                              ignore_errors=True)
    sweep = Sweep(a)
    try:
        rc = sweep.run()
    except KeyboardInterrupt:
        rc = sweep.report() or 1
    if own_work_dir and rc == 0:
        shutil.rmtree(a.work_dir, ignore_errors=True)
    return rc


if __name__ == "__main__":
    sys.exit(main())
