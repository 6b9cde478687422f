#!/usr/bin/env python3
"""Runs transform_fuzzer (libFuzzer over the awaitc transform).

Two uses:

  bounded (CTest, CI): one process, a fixed -seed and a fixed number of
  executions after the seed corpus, so that a failure in CI reproduces
  exactly on any machine; any crash, timeout, leak or out-of-memory fails.

    fuzz.py --fuzzer build-libfuzzer/bin/awaitc_transform_fuzzer \\
            --work build-libfuzzer/fuzz-ci --runs 400 --seed 1

  long (by hand): fuzzes for --seconds with --jobs processes sharing one
  growing corpus in --work/corpus (seeded from the repository's corpus);
  after each finding a process saves the input under --work/findings,
  minimizes it (-minimize_crash), and goes on with a new seed. Ends with a
  summary: executions, coverage, findings (each with its stack's top
  frames), and exits 1 if there were findings.

    nice -n 19 fuzz.py --fuzzer ... --work /tmp/awaitc-fuzz --seconds 3600

Inputs found in CI or in long runs that are worth keeping go into corpus/
by hand (after `-merge=1`, see README.md); the work directory is scratch.
"""
import argparse
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import threading
import time

HERE = pathlib.Path(__file__).resolve().parent
# Artifacts that are failures. libFuzzer also writes slow-unit-* files (over
# 10 s of wall time, which a loaded machine reaches): not failures, dropped.
FINDING_PREFIXES = ("crash-", "timeout-", "leak-", "oom-")
STATUS = re.compile(r"^#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+)")
STAT = re.compile(r"^stat::(\w+):\s+(\d+)")


def fuzzer_command(args, extra):
    cmd = [str(args.fuzzer), f"-timeout={args.timeout}",
           f"-rss_limit_mb={args.rss_limit_mb}", f"-max_len={args.max_len}",
           "-print_final_stats=1"]
    if args.dict:
        cmd.append(f"-dict={args.dict}")
    return cmd + extra


def hard_limit(args, seconds):
    """How long a fuzzer process may take in all before it is killed: libFuzzer
    stops itself after -max_total_time, or after a finding, but a timeout
    report can deadlock in a signal handler that interrupted malloc."""
    return seconds + 2 * args.timeout + 300


def environment(work):
    env = dict(os.environ)
    # The fuzzer precompiles its prelude into TMPDIR: keep it in the work
    # directory, so that a process killed by a finding leaves nothing in /tmp.
    tmp = work / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    env["TMPDIR"] = str(tmp)
    # UBSan prints its report without a stack by default.
    env["UBSAN_OPTIONS"] = "print_stacktrace=1:" + env.get("UBSAN_OPTIONS", "")
    return env


def parse_log(text):
    """The last status line's figures and the final stats of one run."""
    figures = {}
    for line in text.splitlines():
        m = STATUS.match(line)
        if m:
            figures["runs"], figures["cov"], figures["ft"] = map(int, m.groups())
        m = STAT.match(line)
        if m:
            figures[m.group(1)] = int(m.group(2))
    return figures


def top_frames(log, count=6):
    """The first frames of the first stack in a sanitizer report."""
    frames = []
    for line in log.splitlines():
        m = re.match(r"\s+#\d+ 0x[0-9a-f]+ in (.*)", line)
        if m:
            frames.append(m.group(1))
            if len(frames) == count:
                break
        elif frames:
            break
    return frames


def findings_in(directory):
    for slow in directory.glob("slow-unit-*"):
        slow.unlink()
    return sorted(p for p in directory.iterdir()
                  if p.name.startswith(FINDING_PREFIXES))


def bounded(args):
    work = args.work
    shutil.rmtree(work, ignore_errors=True)
    new_units = work / "new-units"
    artifacts = work / "artifacts"
    new_units.mkdir(parents=True)
    artifacts.mkdir()
    # New units go to the first directory; the repository's corpus is read
    # only. -runs counts the corpus's executions too.
    cmd = fuzzer_command(args, [
        f"-seed={args.seed}", f"-runs={args.runs + len(list(args.corpus.iterdir()))}",
        f"-max_total_time={args.max_seconds}",
        f"-artifact_prefix={artifacts}/", str(new_units), str(args.corpus)])
    print("+", " ".join(cmd), flush=True)
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, env=environment(work),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, errors="replace",
                              timeout=hard_limit(args, args.max_seconds))
        log, returncode = proc.stdout, proc.returncode
    except subprocess.TimeoutExpired as e:
        log = e.stdout.decode(errors="replace") if e.stdout else ""
        log += "\nfuzz.py: the fuzzer did not stop in time (killed)\n"
        returncode = -9
    elapsed = time.monotonic() - start
    (work / "fuzzer.log").write_text(log)
    figures = parse_log(log)
    found = findings_in(artifacts)
    print(f"{figures.get('number_of_executed_units', '?')} executions in "
          f"{elapsed:.0f} s ({figures.get('average_exec_per_sec', '?')}/s), "
          f"cov {figures.get('cov', '?')} ft {figures.get('ft', '?')}, "
          f"peak RSS {figures.get('peak_rss_mb', '?')} MB, "
          f"{sum(1 for _ in new_units.iterdir())} new units")
    if returncode != 0 or found:
        print(log[-20000:])
        for path in found:
            print(f"FINDING: {path} (reproduce: {args.fuzzer} {path})")
        print(f"transform_fuzzer failed (exit {returncode}); the log is "
              f"{work / 'fuzzer.log'}")
        return 1
    return 0


class Campaign:
    """The shared state of a long run's worker threads."""

    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.executions = 0
        self.cov = 0
        self.ft = 0
        self.runs = 0
        self.findings = {}  # signature -> (kind, saved path, minimized, frames)
        self.deadline = time.monotonic() + args.seconds
        self.corpus = args.work / "corpus"
        self.found = args.work / "findings"
        self.logs = args.work / "logs"
        for d in (self.corpus, self.found, self.logs):
            d.mkdir(parents=True, exist_ok=True)
        for seed in args.corpus.iterdir():
            target = self.corpus / seed.name
            if not target.exists():
                shutil.copyfile(seed, target)

    def worker(self, index):
        seed = self.args.seed + 1000 * index
        artifacts = self.args.work / f"artifacts-{index}"
        artifacts.mkdir(exist_ok=True)
        while True:
            left = int(self.deadline - time.monotonic())
            if left < 30:
                return
            seed += 1
            log_path = self.logs / f"job{index}-seed{seed}.log"
            cmd = fuzzer_command(self.args, [
                f"-seed={seed}", f"-max_total_time={left}",
                f"-artifact_prefix={artifacts}/", str(self.corpus)])
            with open(log_path, "w") as log:
                try:
                    returncode = subprocess.run(
                        cmd, env=environment(self.args.work), stdout=log,
                        stderr=subprocess.STDOUT,
                        timeout=hard_limit(self.args, left)).returncode
                except subprocess.TimeoutExpired:
                    returncode = -9
            text = log_path.read_text(errors="replace")
            figures = parse_log(text)
            # After a finding libFuzzer prints no final stats.
            executed = figures.get("number_of_executed_units",
                                   figures.get("runs", 0))
            with self.lock:
                self.runs += 1
                self.executions += executed
                self.cov = max(self.cov, figures.get("cov", 0))
                self.ft = max(self.ft, figures.get("ft", 0))
            found = findings_in(artifacts)
            for path in found:
                self.record(path, text)
                path.unlink()
            if returncode != 0 and not executed and not found:
                # Not a finding: the fuzzer itself did not start.
                print(f"job {index}: the fuzzer failed to start, see {log_path}",
                      file=sys.stderr)
                return

    def record(self, path, log):
        kind = path.name.split("-")[0]
        frames = top_frames(log)
        signature = kind + ":" + "|".join(
            re.sub(r" /\S+$", "", f) for f in frames[:4])
        data = path.read_bytes()
        digest = hashlib.sha1(data).hexdigest()[:12]
        saved = self.found / f"{kind}-{digest}"
        saved.write_bytes(data)
        (self.found / f"{kind}-{digest}.log").write_text(log)
        with self.lock:
            if signature in self.findings:
                return
            self.findings[signature] = None
        minimized = self.minimize(saved, kind)
        with self.lock:
            self.findings[signature] = (kind, saved, minimized, frames)
        print(f"FINDING {kind}: {saved}" +
              (f" (minimized: {minimized})" if minimized else ""), flush=True)

    def minimize(self, saved, kind):
        if kind not in ("crash", "timeout", "leak"):
            return None
        target = saved.with_name(saved.name + ".min")
        cmd = fuzzer_command(self.args, [
            "-minimize_crash=1", f"-runs={self.args.minimize_runs}",
            f"-max_total_time={self.args.minimize_seconds}",
            f"-exact_artifact_path={target}", str(saved)])
        with open(saved.with_name(saved.name + ".min.log"), "w") as log:
            try:
                subprocess.run(cmd, env=environment(self.args.work), stdout=log,
                               stderr=subprocess.STDOUT,
                               timeout=hard_limit(self.args,
                                                  self.args.minimize_seconds))
            except subprocess.TimeoutExpired:
                pass
        return target if target.exists() else None

    def summary(self, elapsed):
        lines = [
            f"time: {elapsed:.0f} s, {self.args.jobs} job(s), {self.runs} "
            f"fuzzer run(s)",
            f"executions: {self.executions} "
            f"({self.executions / max(elapsed, 1):.1f}/s in all)",
            f"coverage: cov {self.cov} ft {self.ft}, corpus "
            f"{sum(1 for _ in self.corpus.iterdir())} units",
            f"findings: {len(self.findings)} distinct",
        ]
        for signature, value in self.findings.items():
            if value is None:
                continue
            kind, saved, minimized, frames = value
            lines.append(f"  {kind}: {minimized or saved}")
            for frame in frames:
                lines.append(f"      {frame}")
        return "\n".join(lines)


def long_run(args):
    campaign = Campaign(args)
    start = time.monotonic()
    threads = [threading.Thread(target=campaign.worker, args=(i,))
               for i in range(args.jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    text = campaign.summary(time.monotonic() - start)
    (args.work / "summary.txt").write_text(text + "\n")
    print(text)
    return 1 if campaign.findings else 0


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--fuzzer", type=pathlib.Path, required=True)
    parser.add_argument("--work", type=pathlib.Path, required=True,
                        help="scratch directory (emptied in bounded mode)")
    parser.add_argument("--corpus", type=pathlib.Path, default=HERE / "corpus")
    parser.add_argument("--dict", type=pathlib.Path,
                        default=HERE / "transform.dict")
    parser.add_argument("--seed", type=int, default=1)
    # An input costs about 0.2 s of CPU; libFuzzer's timeout is wall time,
    # and a shared machine can be slower many times over.
    parser.add_argument("--timeout", type=int, default=120,
                        help="seconds one input may take (a hang beyond)")
    parser.add_argument("--rss-limit-mb", type=int, default=4096)
    parser.add_argument("--max-len", type=int, default=4096)
    bounded_group = parser.add_argument_group("bounded run")
    bounded_group.add_argument("--runs", type=int,
                               help="executions after the corpus (bounded mode)")
    bounded_group.add_argument("--max-seconds", type=int, default=600,
                               help="stop a bounded run early after this long")
    long_group = parser.add_argument_group("long run")
    long_group.add_argument("--seconds", type=int,
                            help="fuzz this long (long mode)")
    long_group.add_argument("--jobs", type=int, default=1)
    long_group.add_argument("--minimize-runs", type=int, default=2000)
    long_group.add_argument("--minimize-seconds", type=int, default=300)
    args = parser.parse_args()
    args.work = args.work.resolve()
    if (args.runs is None) == (args.seconds is None):
        parser.error("give exactly one of --runs (bounded) and --seconds (long)")
    return bounded(args) if args.runs is not None else long_run(args)


if __name__ == "__main__":
    sys.exit(main())
