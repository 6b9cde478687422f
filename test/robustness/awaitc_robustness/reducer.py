"""Shrinks a failing input by whole lines while it keeps failing.

Delta debugging over lines: remove a chunk, keep the result if the failure
is still there, and halve the chunk size when no chunk can go. The inputs
are anything (a real translation unit, a mutant with unbalanced braces), so
nothing here knows C++; the caller's predicate decides what "still failing"
means (for the sweep: the same kind of violation with the same signature).
The time limit makes reduction best effort: the sweep keeps whatever is
smallest when it runs out.
"""

import time


def reduce_lines(data, still_fails, deadline):
    """The smallest input (bytes) found before `deadline` (time.monotonic())
    for which still_fails(candidate) holds, or None if data itself does not
    fail. still_fails is never called after the deadline."""

    def fails(lines):
        return time.monotonic() <= deadline and still_fails(b"".join(lines))

    lines = data.splitlines(keepends=True)
    if not fails(lines):
        return None
    chunks = 2
    while len(lines) >= 2 and time.monotonic() < deadline:
        size = max(1, len(lines) // chunks)
        for start in range(0, len(lines), size):
            candidate = lines[:start] + lines[start + size:]
            if candidate and fails(candidate):
                lines = candidate
                chunks = max(chunks - 1, 2)
                break
        else:
            if size == 1:
                break
            chunks = min(len(lines), chunks * 2)
    return b"".join(lines)
