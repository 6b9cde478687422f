"""Runs the tool and the compilers as child processes with limits.

Every child gets its own process group (a timeout kills the whole group, so
a compiler's children go too), a cap on its address space (a runaway
allocation fails inside the child instead of taking the machine down) and no
core files. Output is kept as bytes: the contract compares files byte for
byte, and a mutated input may make the tool print anything.
"""

import os
import resource
import signal
import subprocess
import sys
import time

# Address space per child. Enough for clang++ on the LLVM headers; far
# less than a runaway recursion or allocation would take.
ADDRESS_SPACE_LIMIT = 6 << 30

# A binary being rebuilt while the sweep runs is briefly missing or not
# executable; how long to wait for it before giving up.
STARTUP_ATTEMPTS = 60
STARTUP_RETRY_SECONDS = 2


class Result:
    """What a child did: exit status (negative for a signal, as in
    subprocess), stdout and stderr bytes, whether it was killed for time, and
    its wall-clock seconds."""

    def __init__(self, returncode, stdout, stderr, timed_out, seconds):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.timed_out = timed_out
        self.seconds = seconds


def _limit_child():
    os.setsid()
    try:
        resource.setrlimit(resource.RLIMIT_AS,
                           (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass


def run(cmd, timeout, cwd=None):
    """Runs cmd with no input and `timeout` seconds of wall-clock time."""
    for attempt in range(STARTUP_ATTEMPTS):
        start = time.monotonic()
        try:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE,
                                    stdin=subprocess.DEVNULL, cwd=cwd,
                                    preexec_fn=_limit_child)
            break
        except OSError as e:
            if attempt == STARTUP_ATTEMPTS - 1:
                raise
            print("robustness.py: cannot run %s (%s); retrying" % (cmd[0], e),
                  file=sys.stderr)
            time.sleep(STARTUP_RETRY_SECONDS)
    try:
        out, err = proc.communicate(timeout=timeout)
        return Result(proc.returncode, out, err, False,
                      time.monotonic() - start)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = proc.communicate()
        return Result(proc.returncode, out, err, True,
                      time.monotonic() - start)


def binary_stamp(path):
    """Identifies one build of a binary, to notice it being replaced."""
    try:
        st = os.stat(path)
        return (st.st_mtime_ns, st.st_size, st.st_ino)
    except OSError:
        return None


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def write_bytes(path, data):
    with open(path, "wb") as f:
        f.write(data)
