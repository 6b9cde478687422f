"""Damages C++ files to make inputs the tool has never seen.

A mutant is an annotated or ordinary file with one to three mutations:
truncation, deleted/duplicated/moved lines and blocks, swapped, deleted or
replaced tokens, unbalanced braces and parentheses, and insertions
(INSERTIONS) of markers and annotations in odd places, preprocessor
directives, stray quotes and comment openers, and odd bytes (NUL, byte order
marks, trigraphs, digraphs). Most mutants are invalid C++: the tool must
report them cleanly (or pass them through untouched), never crash or hang.
Everything depends only on the random generator passed in.
"""

import re

TOKEN_RE = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*|\d+|\"(?:\\.|[^\"\\\n])*\"|"
                      rb"::|->|&&|\|\||<<|>>|[^\sA-Za-z0-9_]")

INSERTIONS = [
    # markers and annotations, complete or not
    b"AWAIT(x)", b"AWAIT(awaitc::sleep(0))", b"YIELD(1)", b"YIELD(1);",
    b"AWAIT(awaitc::sleep(0));", b"AWAITC_ASYNC ", b"AWAITC_GENERATOR ",
    b"AWAITC_ASYNC awaitc::Coro<int> ", b"AWAIT(", b"YIELD(", b"AWAIT",
    b"AWAITC_AWAIT(0)", b"AWAIT(AWAIT(v(1)))", b"return AWAIT(v(1));",
    b"__attribute__((annotate(\"awaitc::async\"))) ",
    b"__attribute__((annotate(\"awaitc::generator\"))) ",
    b"awaitc::Coro<int>", b"awaitc::Generator<int>",
    b"decltype(AWAIT(v(1)))", b"sizeof(AWAIT(v(1)))",
    b"[&] { return AWAIT(v(1)); }()",
    # statements and punctuation
    b"co_await x;", b"{", b"}", b"(", b")", b";", b"[", b"]",
    b"template <class T> ", b"goto L; L:;", b"throw 1;", b"return;",
    b"break;", b"continue;", b"case 1:", b"default:", b"\"", b"'",
    b"/*", b"*/", b"\\", b"#", b"auto&& [a, b] = ",
    b"static_assert(false);", b"[[nodiscard]]", b"this->", b"noexcept",
    b"virtual ", b"operator", b"~", b"...",
    # the preprocessor
    b"\n#if 0\n", b"\n#endif\n", b"\n#define AWAIT(x) x\n",
    b"\n#undef AWAITC_ASYNC\n", b"\n#include \"does_not_exist.h\"\n",
    b"\n#line 1 \"other.cpp\"\n", b"\n#pragma once\n",
    # odd bytes and spellings
    b"\x00", b"\xff\xfe", b"\r", b"\xef\xbb\xbf", b"\t\v\f", b"??=", b"<:",
    b"%:", b"R\"(", b"u8\"\xc3\xa9\"",
]

# "insert" three times: insertions find the most.
MUTATIONS = ["truncate", "delete-lines", "duplicate-lines", "swap-tokens",
             "delete-token", "replace-token", "insert", "insert", "insert",
             "unbalance", "duplicate-block", "move-lines"]
LINE_MUTATIONS = ("delete-lines", "duplicate-lines", "move-lines",
                  "duplicate-block")
BRACKETS = (b"{", b"}", b"(", b")", b"[", b"]", b"<", b">")


def token_spans(data):
    return [(m.start(), m.end()) for m in TOKEN_RE.finditer(data)]


def mutate(rng, data):
    """One random mutation of data: (mutated bytes, the mutation's name)."""
    op = rng.choice(MUTATIONS)
    if not data:
        return rng.choice(INSERTIONS), "insert-empty"
    if op == "truncate":
        return data[:rng.randrange(len(data))], op
    lines = data.splitlines(keepends=True)
    if op in LINE_MUTATIONS:
        return _mutate_lines(rng, op, lines), op
    tokens = token_spans(data)
    if not tokens:
        return data + rng.choice(INSERTIONS), "append"
    if op == "swap-tokens":
        if len(tokens) > 1:
            (a0, a1), (b0, b1) = sorted(rng.sample(tokens, 2))
        else:
            (a0, a1), (b0, b1) = tokens[0], tokens[0]
        if a1 > b0:
            return data, op
        return data[:a0] + data[b0:b1] + data[a1:b0] + data[a0:a1] + \
            data[b1:], op
    if op == "delete-token":
        s, e = rng.choice(tokens)
        return data[:s] + data[e:], op
    if op == "replace-token":
        s, e = rng.choice(tokens)
        s2, e2 = rng.choice(tokens)
        return data[:s] + data[s2:e2] + data[e:], op
    if op == "unbalance":
        brackets = [t for t in tokens if data[t[0]:t[1]] in BRACKETS]
        if brackets and rng.random() < 0.6:
            s, e = rng.choice(brackets)
            return data[:s] + data[e:], "unbalance-delete"
        s, _ = rng.choice(tokens)
        extra = rng.choice([b"{", b"}", b"(", b")", b"{{{", b"}}", b"((",
                            b"))"])
        return data[:s] + extra + data[s:], "unbalance-insert"
    # insert, before a token
    s, _ = rng.choice(tokens)
    text = rng.choice(INSERTIONS)
    if rng.random() < 0.3:
        text = b" " + text + b" "
    return data[:s] + text + data[s:], "insert"


def _mutate_lines(rng, op, lines):
    if not lines:
        return b""
    i = rng.randrange(len(lines))
    n = rng.choice([1, 1, 1, 2, 3, 5, 10])
    if op == "delete-lines":
        return b"".join(lines[:i] + lines[i + n:])
    if op == "duplicate-lines":
        return b"".join(lines[:i + n] + lines[i:i + n] + lines[i + n:])
    if op == "duplicate-block":
        n = rng.choice([5, 10, 20, 40])
        j = rng.randrange(len(lines) + 1)
        return b"".join(lines[:j] + lines[i:i + n] + lines[j:])
    chunk = lines[i:i + n]
    rest = lines[:i] + lines[i + n:]
    j = rng.randrange(len(rest) + 1)
    return b"".join(rest[:j] + chunk + rest[j:])


def base_weight(item):
    """How often an input is picked as a mutant's base: small, fast inputs
    most; big real translation units now and then."""
    if item.category == "annotated":
        return 6.0
    if item.category == "generated":
        return 4.0
    if item.header:
        return 0.5
    if item.base_seconds is None:
        return 0.3
    return 2.0 if item.base_seconds < 2 else 0.3

