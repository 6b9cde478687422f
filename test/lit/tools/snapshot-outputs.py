#!/usr/bin/env python3
"""Transpile every source under the given paths and keep what awaitc wrote,
so that a refactoring of the transform can show that its output did not
change.

For each *.cpp (searched recursively) and each back end (the state machines,
and --emit=cxx20), OUT gets the output file, or, for a source the tool
refuses, its diagnostics and exit status. With --compare OLD, the new
snapshot is compared with an older one and every difference is listed;
the exit status is 1 if there is one.

  snapshot-outputs.py --awaitc build/bin/awaitc --include runtime/include \\
      --out /tmp/before test/lit examples
  ... change the transform, rebuild ...
  snapshot-outputs.py --awaitc build/bin/awaitc --include runtime/include \\
      --out /tmp/after --compare /tmp/before test/lit examples
"""

import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys

BACK_ENDS = {"state-machines": [], "cxx20": ["--emit=cxx20"]}


def sources(paths):
    found = []
    for path in paths:
        if os.path.isdir(path):
            for root, _, files in os.walk(path):
                found += [os.path.join(root, f) for f in files
                          if f.endswith(".cpp")]
        else:
            found.append(path)
    return sorted(found)


def snapshot_one(awaitc, include, source, back_end, out_dir):
    """Writes OUT/<back end>/<source>: the output, or what the tool said."""
    target = os.path.join(out_dir, back_end, source.lstrip("./"))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    generated = target + ".out"
    proc = subprocess.run(
        [awaitc, source, "-o", generated] + BACK_ENDS[back_end] +
        ["--", "-std=c++17", "-I", include],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        with open(target + ".refused", "w") as f:
            f.write(f"exit {proc.returncode}\n{proc.stderr}")
        return
    # Generated lines are mapped to the output file: name it as every
    # snapshot does.
    with open(generated) as f:
        text = f.read()
    with open(generated, "w") as f:
        f.write(text.replace(out_dir, "OUT"))


def files_under(root):
    listed = set()
    for base, _, files in os.walk(root):
        listed |= {os.path.relpath(os.path.join(base, f), root) for f in files}
    return listed


def compare(old, new):
    """Prints a unified diff per changed file; returns how many changed."""
    before, after = files_under(old), files_under(new)
    changed = 0
    for name in sorted(before | after):
        if name not in after or name not in before:
            print(f"{name}: only in {'the old' if name in before else 'the new'}"
                  " snapshot")
            changed += 1
            continue
        with open(os.path.join(old, name)) as f:
            a = f.read().splitlines(keepends=True)
        with open(os.path.join(new, name)) as f:
            b = f.read().splitlines(keepends=True)
        if a != b:
            changed += 1
            sys.stdout.writelines(difflib.unified_diff(
                a, b, f"old/{name}", f"new/{name}", n=2))
    return changed


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--awaitc", required=True)
    p.add_argument("--include", required=True, help="runtime/include")
    p.add_argument("--out", required=True)
    p.add_argument("--compare", metavar="OLD")
    p.add_argument("--jobs", type=int, default=os.cpu_count())
    p.add_argument("paths", nargs="+")
    a = p.parse_args()

    work = [(s, b) for s in sources(a.paths) for b in BACK_ENDS]
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        for done in [pool.submit(snapshot_one, a.awaitc, a.include, s, b,
                                 a.out) for s, b in work]:
            done.result()
    print(f"{len(work)} transpilations in {a.out}")
    if a.compare:
        changed = compare(a.compare, a.out)
        print(f"{changed} files differ from {a.compare}")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
