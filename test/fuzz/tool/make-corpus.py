#!/usr/bin/env python3
"""Regenerates the seed corpus of transform_fuzzer (corpus/) from the lit
tests' and the examples' inputs.

Each source loses its lit lines (RUN:, CHECK...) and its comment-only lines
(the fuzzer mutates code, not prose); an include of the lit tests' tracer.h,
whatever its relative path, becomes `#include "tracer.h"` (the fuzzer's -I
finds it). Sources still larger than --max-bytes are left out: libFuzzer's
default -max_len is the largest seed, and every byte of a seed is parsed at
each execution. Identical results are kept once. The file name says where a
seed came from.

With --fuzzer (a transform_fuzzer build), the candidates are then reduced to
a subset that covers the same edges of the transform (libFuzzer's
-set_cover_merge, smallest files preferred): that subset is corpus/.

  test/fuzz/tool/make-corpus.py --fuzzer build-libfuzzer/bin/awaitc_transform_fuzzer
"""
import argparse
import hashlib
import pathlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]

LIT_LINE = re.compile(r"^\s*//\s*(RUN|CHECK|[A-Z0-9_-]+(-NEXT|-NOT|-SAME|-DAG|-LABEL|-EMPTY)?):")
COMMENT_LINE = re.compile(r"^\s*//")
TRACER_INCLUDE = re.compile(r'^#include "(\.\./statements/)?Inputs/tracer\.h"\s*$')


def sources():
    """The candidate seeds, in a fixed order."""
    lit = ROOT / "test" / "lit"
    for path in sorted(lit.glob("*/*.cpp")):
        yield path
    for path in sorted(lit.glob("*/Inputs/*.cpp")):
        yield path
    for path in sorted((ROOT / "examples").glob("*.cpp")):
        yield path


def seed_text(path):
    out = []
    for line in path.read_text(encoding="utf-8", errors="surrogateescape").splitlines():
        if LIT_LINE.match(line) or COMMENT_LINE.match(line):
            continue
        if TRACER_INCLUDE.match(line):
            line = '#include "tracer.h"'
        out.append(line.rstrip())
    text = "\n".join(out).strip("\n") + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)


def seed_name(path):
    rel = path.relative_to(ROOT)
    parts = [p for p in rel.parts if p not in ("test", "lit", "Inputs")]
    return "-".join(parts)


def build(max_bytes):
    seeds, seen = {}, set()
    for path in sources():
        text = seed_text(path)
        if "AWAIT" not in text and "YIELD" not in text:
            continue
        if re.search(r'^#include "(?!tracer\.h")', text, re.M):
            continue  # a header of its own, which the fuzzer cannot find
        data = text.encode("utf-8", errors="surrogateescape")
        if len(data) > max_bytes:
            continue
        digest = hashlib.sha1(data).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        seeds[seed_name(path)] = data
    return seeds


def merge(fuzzer, candidates, out):
    """Replaces out/ with the candidates that cover the transform's edges."""
    with tempfile.TemporaryDirectory() as scratch:
        merged = pathlib.Path(scratch) / "merged"
        merged.mkdir()
        env = dict(os.environ, TMPDIR=scratch)
        subprocess.run([str(fuzzer), "-set_cover_merge=1", "-use_counters=0",
                        "-timeout=120", str(merged), str(candidates)],
                       env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        # libFuzzer names merged units by their hash: take the names back.
        by_content = {p.read_bytes(): p.name for p in candidates.iterdir()}
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        for unit in merged.iterdir():
            data = unit.read_bytes()
            (out / by_content[data]).write_bytes(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-bytes", type=int, default=1800)
    parser.add_argument("--out", type=pathlib.Path, default=HERE / "corpus")
    parser.add_argument("--fuzzer", type=pathlib.Path,
                        help="keep only a subset covering the same edges")
    args = parser.parse_args()
    seeds = build(args.max_bytes)
    with tempfile.TemporaryDirectory() as scratch:
        candidates = pathlib.Path(scratch) / "candidates"
        candidates.mkdir()
        for name, data in seeds.items():
            (candidates / name).write_bytes(data)
        if args.fuzzer:
            merge(args.fuzzer.resolve(), candidates, args.out)
        else:
            shutil.rmtree(args.out, ignore_errors=True)
            shutil.copytree(candidates, args.out)
    kept = list(args.out.iterdir())
    print(f"{len(kept)} of {len(seeds)} candidate seeds, "
          f"{sum(p.stat().st_size for p in kept)} bytes in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
