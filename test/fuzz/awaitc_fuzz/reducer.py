"""Shrinks a failing program while it keeps failing the same way.

The programs are written one statement per line with braces at line ends, so
a brace-balanced range of lines is a statement, a block, a case or a whole
function. The reducer removes such ranges, largest first, then single lines,
then simplifies lines (an expression replaced by one of its parenthesised
parts or by 1), and repeats while anything changes. A candidate is kept only
if Clang still accepts the untransformed program and the failure has the
same class (and, where the class has one, the same signature), so each
finding ends up a few lines long.
"""

import re
import time

from . import oracle


def balanced_ranges(lines):
    """(start, end) pairs, end exclusive, of brace-balanced line ranges that
    open a block at their first line."""
    out = []
    stack = []
    for i, line in enumerate(lines):
        code = re.sub(r'"[^"]*"', '""', line)
        for ch in code:
            if ch == "{":
                stack.append(i)
            elif ch == "}":
                if stack:
                    start = stack.pop()
                    if start != i:
                        out.append((start, i + 1))
    return out


def paren_groups(line):
    """Spans (start, end) of balanced parenthesised groups in a line."""
    spans, stack = [], []
    for i, ch in enumerate(line):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            spans.append((stack.pop(), i + 1))
    return spans


class Reducer:
    def __init__(self, tc, outcome, workdir, budget_seconds=300, log=None):
        self.tc = tc
        self.target = outcome
        self.workdir = workdir
        self.deadline = time.monotonic() + budget_seconds
        self.only = oracle.builds_needed(outcome)
        self.tries = 0
        self.log = log or (lambda msg: None)

    def same(self, text):
        if time.monotonic() > self.deadline:
            return False
        self.tries += 1
        o = oracle.check(self.tc, text, self.workdir, only=self.only,
                         name="reduce")
        if o.cls != self.target.cls:
            return False
        if self.target.cls.startswith("mismatch") or \
                self.target.cls == "timeout":
            return True
        return o.sig == self.target.sig

    def accept(self, lines):
        # No separate syntax check: the tool parses first and reports the
        # input's own errors, which oracle.check classifies as
        # invalid-program, never as the target class.
        return self.same("\n".join(lines) + "\n")

    def simplify_line(self, lines, i):
        line = lines[i]
        groups = paren_groups(line)
        for s, e in sorted(groups, key=lambda g: g[0] - g[1]):
            children = [(cs, ce) for cs, ce in groups
                        if s < cs and ce < e and not any(
                            s < ps < cs and ce < pe <= e and (ps, pe) !=
                            (cs, ce) for ps, pe in groups)]
            repls = ["1"] + [line[cs + 1:ce - 1] for cs, ce in children]
            for repl in repls:
                new = line[:s] + "(" + repl + ")" + line[e:]
                if new == line:
                    continue
                if self.accept(lines[:i] + [new] + lines[i + 1:]):
                    lines[i] = new
                    return True
        return False

    def top_level(self, lines):
        """(start, end, name) of the top-level definitions."""
        out = []
        for start, end in balanced_ranges(lines):
            head = lines[start]
            if head and not head[0].isspace() and \
                    lines[end - 1].startswith("}"):
                m = re.search(r"(\w+)\s*(\(|\{)", head)
                if start and lines[start - 1].startswith("template"):
                    start -= 1
                out.append((start, end, m.group(1) if m else ""))
        return out

    def focus(self, lines):
        """One big first step: when the failure names a line of the program
        (a tool or compiler error, a sanitizer's stack), keep only the
        definition holding it and what it uses, transitively."""
        m = re.search(r"(?:prog|reduce)\.cpp:(\d+):", self.target.detail)
        if not m:
            return lines
        at = int(m.group(1)) - 1
        tops = self.top_level(lines)
        keep = [t for t in tops if t[0] <= at < t[1]]
        if not keep:
            return lines
        for must in ([], ["main", "main_coro"]):
            kept = list(keep) + [t for t in tops if t[2] in must]
            grew = True
            while grew:
                grew = False
                text = "\n".join("\n".join(lines[a:b]) for a, b, _ in kept)
                for t in tops:
                    if t not in kept and t[2] and \
                            re.search(r"\b%s\b" % re.escape(t[2]), text):
                        kept.append(t)
                        grew = True
            drop = [t for t in tops if t not in kept]
            if not drop:
                return lines
            dropped = set()
            for a, b, _ in drop:
                dropped.update(range(a, b))
            cand = [l for i, l in enumerate(lines) if i not in dropped]
            if self.accept(cand):
                self.log("kept %d of %d definitions" % (len(kept), len(tops)))
                return cand
        return lines

    def reduce(self, text):
        lines = text.rstrip("\n").split("\n")
        lines = self.focus(lines)
        changed = True
        while changed and time.monotonic() < self.deadline:
            changed = False
            # Whole blocks and statements, largest first.
            for start, end in sorted(balanced_ranges(lines),
                                     key=lambda r: r[0] - r[1]):
                if end > len(lines):
                    continue
                cand = lines[:start] + lines[end:]
                if self.accept(cand):
                    lines = cand
                    changed = True
                    break
            if changed:
                continue
            # Keep a block's body but drop its head and closing line.
            for start, end in balanced_ranges(lines):
                if end - start < 3:
                    continue
                cand = lines[:start] + lines[start + 1:end - 1] + lines[end:]
                if self.accept(cand):
                    lines = cand
                    changed = True
                    break
            if changed:
                continue
            # Single lines, in chunks that halve.
            chunk = max(1, len(lines) // 4)
            while chunk >= 1 and time.monotonic() < self.deadline:
                i = 0
                while i < len(lines):
                    cand = lines[:i] + lines[i + chunk:]
                    if cand and self.accept(cand):
                        lines = cand
                        changed = True
                    else:
                        i += chunk
                chunk //= 2
            if changed:
                continue
            # Simplify expressions: a parenthesised group by one of the
            # groups directly inside it, or by 1.
            for i in range(len(lines)):
                if self.simplify_line(lines, i):
                    changed = True
                    break
        self.log("reduced to %d lines in %d tries" % (len(lines), self.tries))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines) + "\n")
