#!/usr/bin/env python3
"""expect_exit.py N cmd args...: runs cmd, forwards its stdout and stderr, and
exits 0 if cmd's exit status is exactly N, 1 otherwise (lit's `not` only
checks for a non-zero status; awaitc distinguishes 1 input errors from 2
usage errors)."""
import subprocess
import sys

want = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:])
if proc.returncode != want:
    sys.stderr.write("expect_exit: %s exited with %d, expected %d\n" %
                     (sys.argv[2], proc.returncode, want))
    sys.exit(1)
sys.exit(0)
