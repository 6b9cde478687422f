#!/usr/bin/env python3
"""Run a compiler command and print where it warns in one file, one
`LINE:COLUMN [-Wflag]` per line, sorted: the compilers' messages differ, the
places they point at must not.

  warning-locations.py --file x.cpp -- clang++ -fsyntax-only -Wall x.cpp

The command's exit status is ignored (it may fail with -Werror); a command
that cannot start is an error.
"""

import argparse
import os
import re
import subprocess
import sys

DIAGNOSTIC = re.compile(r"^(.*?):(\d+):(\d+): warning: .*\[(-W[\w+=-]+)\]\s*$")


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--file", required=True, help="the file whose warnings count")
    p.add_argument("command", nargs=argparse.REMAINDER)
    a = p.parse_args()
    command = a.command[1:] if a.command[:1] == ["--"] else a.command
    proc = subprocess.run(command, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT)
    name = os.path.realpath(a.file)
    places = set()
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        m = DIAGNOSTIC.match(line)
        if m and os.path.realpath(m.group(1)) == name:
            places.add((int(m.group(2)), int(m.group(3)), m.group(4)))
    for line, column, flag in sorted(places):
        print("%d:%d [%s]" % (line, column, flag))
    return 0


if __name__ == "__main__":
    sys.exit(main())
