#!/usr/bin/env python3
"""Checks that every examples/NAME.cpp has examples/NAME.py and a lit test
test/lit/examples/NAME.test that runs it against the Python twin."""
import os
import sys


def main(examples_dir, tests_dir):
    problems = []
    names = sorted(f[:-4] for f in os.listdir(examples_dir) if f.endswith(".cpp"))
    if not names:
        problems.append("no examples found in %s" % examples_dir)
    for name in names:
        if not os.path.exists(os.path.join(examples_dir, name + ".py")):
            problems.append("examples/%s.cpp has no Python twin %s.py" % (name, name))
        test = os.path.join(tests_dir, name + ".test")
        if not os.path.exists(test):
            problems.append("examples/%s.cpp has no lit test %s" % (name, test))
            continue
        with open(test, encoding="utf-8") as f:
            text = f.read()
        if ("--expect-python %%examples/%s.py" % name) not in text:
            problems.append("%s does not compare with %s.py" % (test, name))
    for p in problems:
        print("error: " + p, file=sys.stderr)
    print("%d examples checked" % len(names))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
