#!/usr/bin/env python3
"""Check that awaitc's output maps every line of the user's text back to the
user's file, at the right line and column.

For each source given (files, or directories searched for *.cpp), the tool is
run and its output read the way a compiler reads it, following the #line
directives. Then every output line whose text is a line of the user's code
(not blank, not a comment, not a preprocessor line, not a lone brace or
keyword) must be mapped to the user's file, at a line whose text is the same,
and (unless --lines-only) start that text at the column where the user wrote
it, so a diagnostic's caret lands on the
same character. An output line mapped to the generated file that holds user
text is the error this looks for: the compiler would blame the generated
file, and a debugger would put a breakpoint on that line elsewhere.

Sources the tool refuses (diagnostic tests) are skipped; with --strict they
are an error. Sources without annotated functions, which come out byte for
byte, are not counted. Exits 1 and lists every misplaced line on failure.

  check-line-map.py --awaitc build/bin/awaitc --include runtime/include \\
      test/lit examples
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

LINE_DIRECTIVE = re.compile(r'^\s*#\s*line\s+(\d+)\s+"((?:[^"\\]|\\.)*)"\s*$')
IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
# Lines whose text is too common to say where it came from.
TRIVIAL = re.compile(r"^[{}();,\s]*$|^(break|continue|return|default:|"
                     r"\[\[fallthrough\]\];|else|try|do)[\s;{}]*$")


def unescape(path):
    return re.sub(r"\\(.)", r"\1", path)


def user_lines(text):
    """(line number, line) for the lines of text that are user code worth
    locating: block comments, // comments, preprocessor lines and lit RUN or
    CHECK lines are left out."""
    out = []
    in_comment = False
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if in_comment:
            if "*/" in stripped:
                in_comment = False
            continue
        if stripped.startswith("/*"):
            in_comment = "*/" not in stripped
            continue
        if not stripped or stripped.startswith("//") or \
                stripped.startswith("#") or TRIVIAL.match(stripped):
            continue
        # A trailing comment is part of the line as copied; keep it.
        if not IDENTIFIER.search(stripped) or len(stripped) < 4:
            continue
        # Access specifiers: the generated frame classes have them too.
        if stripped in ("public:", "protected:", "private:"):
            continue
        out.append((number, line))
    return out


def mapped_lines(output, output_name):
    """[(file, line, text)] for each line of output that is not a #line."""
    result = []
    current_file, current_line = output_name, 1
    for text in output.split("\n"):
        m = LINE_DIRECTIVE.match(text)
        if m:
            current_line = int(m.group(1))
            current_file = unescape(m.group(2))
            continue
        result.append((current_file, current_line, text))
        current_line += 1
    return result


def check(source, output, output_name, lines_only):
    with open(source, encoding="utf-8", errors="replace") as f:
        text = f.read()
    input_lines = text.split("\n")
    wanted = {}
    for number, line in user_lines(text):
        wanted.setdefault(line.strip(), []).append((number, line))
    problems = []
    for file, number, out_text in mapped_lines(output, output_name):
        key = out_text.strip()
        places = wanted.get(key)
        if not places:
            continue
        # The output line is a line the user wrote: it must map to one of
        # the lines the user wrote it on.
        where = "%s:%d" % (os.path.basename(file), number)
        if file != source:
            problems.append("user text under the generated file (%s): %s"
                            % (where, key))
            continue
        same = [line for n, line in places if n == number]
        if not same:
            problems.append("user text mapped to line %d, written on %s: %s"
                            % (number, ",".join(str(n) for n, _ in places),
                               key))
            continue
        if lines_only:
            continue
        column = len(same[0]) - len(same[0].lstrip())
        at = len(out_text) - len(out_text.lstrip())
        if at != column:
            problems.append("line %d starts at column %d, the user's at %d: "
                            "%s" % (number, at + 1, column + 1, key))
    return problems


def sources(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in ("Output",))
                for name in sorted(files):
                    if name.endswith(".cpp") and ".awaitc." not in name:
                        yield os.path.join(root, name)
        else:
            yield path


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--awaitc", required=True)
    p.add_argument("--include", required=True, help="runtime include dir")
    p.add_argument("--lines-only", action="store_true",
                   help="check lines, not columns")
    p.add_argument("--strict", action="store_true",
                   help="a source the tool refuses is an error")
    p.add_argument("paths", nargs="+")
    a = p.parse_args()

    failed = 0
    checked = 0
    with tempfile.TemporaryDirectory(prefix="awaitc-linemap-") as tmp:
        for source in sources(a.paths):
            source = os.path.abspath(source)
            out_name = os.path.join(tmp, "out.cpp")
            proc = subprocess.run(
                [a.awaitc, source, "-o", out_name, "--", "-std=c++17",
                 "-I" + a.include, "-I" + os.path.dirname(source)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if proc.returncode != 0 or not os.path.exists(out_name):
                if a.strict:
                    print("%s: awaitc failed:\n%s" % (source,
                          proc.stderr.decode(errors="replace")))
                    failed += 1
                continue
            with open(out_name, encoding="utf-8", errors="replace") as f:
                output = f.read()
            os.remove(out_name)
            with open(source, encoding="utf-8", errors="replace") as f:
                if f.read() == output:
                    continue  # nothing annotated: copied byte for byte
            checked += 1
            for problem in check(source, output, out_name, a.lines_only):
                print("%s: %s" % (source, problem))
                failed += 1
    print("checked %d transformed sources, %d problems" % (checked, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
