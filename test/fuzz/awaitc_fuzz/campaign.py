"""The campaign driver: generate, check, classify, reduce, summarise.

    python3 test/fuzz/fuzz.py campaign --build-dir build --seed 1 --count 200
    python3 test/fuzz/fuzz.py campaign --build-dir build --budget-seconds 3600 \\
        --jobs 2 --out fuzz-out
    python3 test/fuzz/fuzz.py check prog.cpp --build-dir build
    python3 test/fuzz/fuzz.py reduce prog.cpp --build-dir build
    python3 test/fuzz/fuzz.py generate 17

Program k of a campaign uses seed `--seed + k`; the seeds are printed, and
`generate SEED` (with the same --disable options) gives the program again.
"""

import argparse
import concurrent.futures
import json
import os
import shutil
import sys
import time

from . import builder, generator, oracle, reducer

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))


def read_known_broken(path):
    """Feature names from a known-broken list: the first word of each line
    that is not blank or a comment."""
    names = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                names.append(line.split()[0])
    return names


def add_common(p):
    p.add_argument("--build-dir", default=os.path.join(SOURCE_DIR, "build"),
                   help="the awaitc build tree (bin/awaitc, runtime library)")
    p.add_argument("--source-dir", default=SOURCE_DIR)
    p.add_argument("--awaitc", help="the tool (default: BUILD/bin/awaitc)")
    p.add_argument("--runtime-lib",
                   help="default: BUILD/runtime/libawaitc_runtime.a")
    p.add_argument("--gxx", default=shutil.which("g++") or "g++")
    p.add_argument("--clangxx", default=shutil.which("clang++-19") or
                   "clang++")
    p.add_argument("--cache-dir", help="where sanitizer/C++20 runtime "
                   "libraries are kept (default: BUILD/test/fuzz-cache)")
    p.add_argument("--oracle", choices=["auto", "on", "off"], default="auto",
                   help="build the C++20 oracle (auto: if awaitc has --emit)")
    p.add_argument("--no-sanitize", action="store_true")
    p.add_argument("--disable", action="append", default=[],
                   metavar="FEATURE", help="a generator feature to leave out")
    p.add_argument("--known-broken", metavar="FILE",
                   help="leave out the features listed in FILE")
    p.add_argument("--marker-in-catch", action="store_true",
                   help="put markers in catch handlers (C++20 cannot)")
    p.add_argument("--size", type=float, default=1.0)
    p.add_argument("--no-swarm", action="store_true",
                   help="every feature in every program (default: each "
                   "program leaves out a random third)")
    p.add_argument("--run-timeout", type=float, default=20)


def toolchain(args):
    b = os.path.abspath(args.build_dir)
    cache = args.cache_dir or os.path.join(b, "test", "fuzz-cache")
    return builder.Toolchain(
        awaitc=args.awaitc or os.path.join(b, "bin", "awaitc"),
        include=os.path.join(args.source_dir, "runtime", "include"),
        prelude=os.path.join(args.source_dir, "test", "fuzz", "prelude"),
        runtime_lib=args.runtime_lib or os.path.join(
            b, "runtime", "libawaitc_runtime.a"),
        runtime_src=os.path.join(args.source_dir, "runtime", "src"),
        gxx=args.gxx, clangxx=args.clangxx, cache_dir=cache,
        oracle=args.oracle, sanitize=not args.no_sanitize,
        run_timeout=args.run_timeout)


def gen_options(args):
    disabled = list(args.disable)
    if args.known_broken:
        disabled += read_known_broken(args.known_broken)
    return generator.Options(disabled=disabled,
                             marker_in_catch=args.marker_in_catch,
                             size=args.size, swarm=not args.no_swarm)


def check_seed(tc, opts, seed, workroot):
    text, features = generator.generate(seed, opts)
    work = os.path.join(workroot, "s%d" % seed)
    o = oracle.check(tc, text, work)
    if o.ok:
        shutil.rmtree(work, ignore_errors=True)
    return seed, text, sorted(features), o


def batch_text(programs):
    """One translation unit that runs several programs in turn: each
    program's own text (after its #include) in a namespace of its own, its
    `main` renamed, and a `main` that calls them in seed order. Builds of a
    batch are compared with each other exactly as builds of one program are,
    so a batch that agrees everywhere vouches for every program in it; the
    parse of the runtime and standard headers, most of a build's time, is
    paid once per batch instead of once per program."""
    out = ["// awaitc differential fuzzing batch: seeds %s" %
           " ".join(str(seed) for seed, _ in programs),
           "#include \"fuzz_prelude.h\"", ""]
    for seed, text in programs:
        body = text.split("#include \"fuzz_prelude.h\"\n", 1)[1]
        body = body.replace("\nint main() {", "\nint program_main() {", 1)
        out += ["namespace seed%d {" % seed, body, "}  // namespace seed%d" %
                seed, ""]
    out += ["int main() {"]
    for seed, _ in programs:
        out += ["  std::printf(\"=== seed %d\\n\");" % seed,
                "  seed%d::program_main();" % seed]
    out += ["  return 0;", "}", ""]
    return "\n".join(out)


def check_batch(tc, opts, seeds, workroot):
    """Checks the programs of `seeds` as one batch; only when the batch
    fails is each program checked on its own, to tell which failed and
    how. Returns one check_seed result per seed."""
    programs = [(seed, generator.generate(seed, opts)) for seed in seeds]
    if len(programs) == 1:
        return [check_seed(tc, opts, seeds[0], workroot)]
    work = os.path.join(workroot, "b%d" % seeds[0])
    text = batch_text([(seed, t) for seed, (t, _) in programs])
    o = oracle.check(tc.scaled(len(seeds)), text, work, name="batch")
    if o.ok:
        shutil.rmtree(work, ignore_errors=True)
        share = o.seconds / len(seeds)
        results = []
        for seed, (t, feats) in programs:
            each = oracle.Outcome()
            each.seconds = share
            results.append((seed, t, sorted(feats), each))
        return results
    return [check_seed(tc, opts, seed, workroot) for seed in seeds]


def write_repro(dirname, text, outcome, reduced, tc, seed):
    os.makedirs(dirname, exist_ok=True)
    with open(os.path.join(dirname, "original.cpp"), "w") as f:
        f.write(text)
    if reduced:
        with open(os.path.join(dirname, "reduced.cpp"), "w") as f:
            f.write(reduced)
    with open(os.path.join(dirname, "README.txt"), "w") as f:
        f.write("class: %s\nsignature: %s\nseed: %s\nbuild: %s\n"
                "command: %s\n\n%s\n" % (outcome.cls, outcome.sig, seed,
                                         outcome.build, outcome.command,
                                         outcome.detail))


def campaign(args):
    tc = toolchain(args)
    opts = gen_options(args)
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    workroot = os.path.join(out, "work")
    print("awaitc fuzz campaign: seeds %d.. (%s), jobs %d, oracle %s, "
          "sanitizer %s" % (args.seed, "count %d" % args.count if args.count
                            else "budget %gs" % args.budget_seconds,
                            args.jobs, "on" if tc.oracle else "off",
                            "on" if tc.sanitize else "off"), flush=True)
    if opts.disabled:
        print("features off: %s" % ", ".join(sorted(opts.disabled)),
              flush=True)
    start = time.monotonic()
    deadline = start + args.budget_seconds if args.budget_seconds else None
    # Prepare the runtime variants once, before the workers race for them.
    for b in builder.builds(tc):
        tc.runtime_variant(b.runtime[0], b.runtime[1], b.runtime[2] or [])

    counts = {}
    first = {}       # key -> (seed, text, outcome)
    per_key = {}
    tried = 0
    failures = []
    passed_features = {}
    passes = 0
    next_seed = args.seed

    def more():
        if args.count and next_seed >= args.seed + args.count:
            return False
        if deadline and time.monotonic() >= deadline:
            return False
        return True

    with concurrent.futures.ProcessPoolExecutor(args.jobs) as pool:
        pending = set()
        while True:
            while len(pending) < args.jobs and more():
                seeds = [next_seed]
                next_seed += 1
                while len(seeds) < args.batch and more():
                    seeds.append(next_seed)
                    next_seed += 1
                pending.add(pool.submit(check_batch, tc, opts, seeds,
                                        workroot))
            if not pending:
                break
            done, pending = concurrent.futures.wait(
                pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for seed, text, features, o in [
                    r for fut in done for r in fut.result()]:
                tried += 1
                cls = o.cls or "pass"
                counts[cls] = counts.get(cls, 0) + 1
                status = "ok" if o.ok else o.key()
                print("seed %d: %s (%.1fs)" % (seed, status, o.seconds),
                      flush=True)
                if o.ok:
                    passes += 1
                    for feat in features:
                        passed_features[feat] = passed_features.get(feat,
                                                                    0) + 1
                else:
                    failures.append({"seed": seed, "class": o.cls,
                                     "sig": o.sig, "build": o.build,
                                     "features": features})
                    per_key[o.key()] = per_key.get(o.key(), 0) + 1
                    if o.key() not in first:
                        first[o.key()] = (seed, text, o)
    elapsed = time.monotonic() - start

    # Reduce one program per distinct failure.
    reduced_dir = os.path.join(out, "findings")
    reductions = {}
    n = 0
    for key, (seed, text, o) in sorted(first.items()):
        n += 1
        d = os.path.join(reduced_dir, "%02d-%s" % (n, o.cls))
        red = None
        if args.reduce_seconds > 0 and n <= args.max_reductions:
            print("reducing seed %d (%s)..." % (seed, key), flush=True)
            r = reducer.Reducer(tc, o, os.path.join(out, "work", "red%d" % n),
                                budget_seconds=args.reduce_seconds)
            red = r.reduce(text)
            reductions[key] = red
        write_repro(d, text, o, red, tc, seed)

    lines = ["programs tried: %d in %.0fs (seeds %d..%d)" % (
        tried, elapsed, args.seed, next_seed - 1)]
    for cls in ["pass"] + oracle.ORDER:
        if cls in counts:
            lines.append("  %-20s %d" % (cls, counts[cls]))
    lines.append("distinct failures: %d" % len(first))
    for key, num in sorted(per_key.items(), key=lambda kv: -kv[1]):
        seed = first[key][0]
        lines.append("  %4d x %s (first: seed %d)" % (num, key, seed))
        # The features every program of this failure has, rarest among the
        # passing programs first: the likely culprits.
        common = None
        for fl in failures:
            if "%s: %s" % (fl["class"], fl["sig"]) == key or \
                    (not fl["sig"] and fl["class"] == key):
                common = set(fl["features"]) if common is None else \
                    common & set(fl["features"])
        if common:
            ranked = sorted(common, key=lambda f: passed_features.get(f, 0))
            lines.append("         in all: %s" % ", ".join(
                "%s (%d/%d passing)" % (f, passed_features.get(f, 0), passes)
                for f in ranked[:6]))
    for key, red in sorted(reductions.items()):
        how = "reduced repro" if red.strip() != first[key][1].strip() else \
            "repro (the reduction budget ran out before any step)"
        lines.append("\n--- %s: %s ---\n%s" % (key, how, red))
    summary = "\n".join(lines)
    print(summary)
    with open(os.path.join(out, "summary.txt"), "w") as f:
        f.write(summary + "\n")
    with open(os.path.join(out, "failures.json"), "w") as f:
        json.dump(failures, f, indent=1)
    if not args.keep_work:
        shutil.rmtree(workroot, ignore_errors=True)
    return 1 if (failures and args.fail_on_failure) else 0


def main(argv=None):
    ap = argparse.ArgumentParser(prog="fuzz.py", description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("campaign", help="run a campaign")
    add_common(c)
    c.add_argument("--seed", type=int, default=1)
    c.add_argument("--count", type=int, default=0)
    c.add_argument("--budget-seconds", type=float, default=0)
    c.add_argument("--jobs", type=int, default=1)
    c.add_argument("--batch", type=int, default=10,
                   help="programs built as one translation unit (a batch "
                   "that fails is checked again program by program)")
    c.add_argument("--out", default="fuzz-out")
    c.add_argument("--reduce-seconds", type=float, default=180)
    c.add_argument("--max-reductions", type=int, default=20)
    c.add_argument("--fail-on-failure", action="store_true")
    c.add_argument("--keep-work", action="store_true")
    k = sub.add_parser("check", help="check one program file")
    add_common(k)
    k.add_argument("file")
    k.add_argument("--work", default="fuzz-check")
    r = sub.add_parser("reduce", help="reduce one failing program file")
    add_common(r)
    r.add_argument("file")
    r.add_argument("--work", default="fuzz-reduce")
    r.add_argument("--reduce-seconds", type=float, default=600)
    g = sub.add_parser("generate", help="print the program of a seed")
    add_common(g)
    g.add_argument("seed", type=int)
    f = sub.add_parser("features", help="list the generator's features")
    args = ap.parse_args(argv)
    if args.cmd == "features":
        for name, what in generator.FEATURES.items():
            print("%-26s %s" % (name, what))
        return 0
    if args.cmd == "generate":
        text, feats = generator.generate(args.seed, gen_options(args))
        sys.stdout.write(text)
        return 0
    if args.cmd == "campaign":
        if not args.count and not args.budget_seconds:
            ap.error("give --count or --budget-seconds")
        return campaign(args)
    tc = toolchain(args)
    with open(args.file) as fh:
        text = fh.read()
    o = oracle.check(tc, text, os.path.abspath(args.work))
    print("%s\n%s\n%s" % (o.key() if not o.ok else "ok", o.command, o.detail))
    if args.cmd == "check" or o.ok:
        return 0 if o.ok else 1
    red = reducer.Reducer(tc, o, os.path.abspath(args.work),
                          budget_seconds=args.reduce_seconds,
                          log=print).reduce(text)
    sys.stdout.write(red)
    return 1
