"""Random valid awaitc programs, and programs of extreme shape.

random_program() writes one to three coroutines and generators (int and
void coroutines, int generators) with every statement kind the tool
handles: declarations, assignments, suspensions, if/else and if with
initialiser, for (with AWAIT in the condition and increment), range-for
over vectors and arrays, while, do, switch, nested blocks, try/catch with a
throw, goto, early returns, break/continue, references, strings,
non-copyable Obj locals, closures of every capture form used after a
suspension, and in some programs structured bindings and catch by value
(which the tool refuses when the handler suspends). Markers appear in
expressions everywhere: in conditions, arguments, ?:, && and initialisers.
The functions are free, static, members, templates or in namespaces, and a
run_all() coroutine calls each. The text starts with
prelude/program_prelude.cpp.

extreme_program() writes the shapes that stress recursion and size: blocks,
ifs, loops, switch and try nested hundreds deep with markers inside, sums,
&&/|| chains and ?: towers of hundreds of markers, AWAIT nested in AWAIT,
and hundreds of functions awaiting each other.

Everything depends only on the random generator passed in. The programs
need only the runtime's include directory.
"""

import os

PRELUDE_PATH = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "prelude",
    "program_prelude.cpp")

with open(PRELUDE_PATH) as _prelude:
    PRELUDE = _prelude.read()


class FunctionGenerator:
    """One random coroutine or generator (kind "coro-int", "coro-void" or
    "gen") of about `budget` statements nested at most max_depth deep."""

    def __init__(self, rng, kind, budget, max_depth, full=False):
        self.rng, self.kind = rng, kind
        # full: also structured bindings, and catch by value in a handler
        # that may suspend (which the tool refuses with an error).
        self.full = full
        self.budget, self.max_depth = budget, max_depth
        self.n = 0
        self.labels = 0

    def fresh(self, p="x"):
        self.n += 1
        return "%s%d" % (p, self.n)

    def expr(self, scope, d=0):
        r = self.rng
        ints = scope["ints"]
        choices = ["lit", "var", "var", "bin", "marker", "marker", "call",
                   "cond", "and", "obj", "lambda", "str"]
        if d > 3:
            choices = ["lit", "var", "marker"]
        c = r.choice(choices)
        if c == "marker":
            if self.kind == "gen":
                c = "bin"
            else:
                return "AWAIT(v(%s))" % self.expr(scope, d + 1)
        if c == "lit" or (c in ("var",) and not ints):
            return str(r.randrange(0, 10))
        if c == "var":
            return r.choice(ints)
        if c == "bin":
            return "(%s %s %s)" % (self.expr(scope, d + 1), r.choice(
                ["+", "-", "*", "^", "|", "&"]), self.expr(scope, d + 1))
        if c == "call":
            return "plain(%s, %s)" % (self.expr(scope, d + 1),
                                      self.expr(scope, d + 1))
        if c == "cond":
            return "(%s > 2 ? %s : %s)" % (self.expr(scope, d + 1),
                                           self.expr(scope, d + 1),
                                           self.expr(scope, d + 1))
        if c == "and":
            return "((%s && %s) ? 1 : 0)" % (self.expr(scope, d + 1),
                                             self.expr(scope, d + 1))
        if c == "obj" and scope["objs"]:
            return "%s.get()" % r.choice(scope["objs"])
        if c == "lambda" and ints:
            return "[&] { return %s + 1; }()" % r.choice(ints)
        if c == "str" and scope["strs"]:
            return "static_cast<int>(%s.size())" % r.choice(scope["strs"])
        return str(r.randrange(0, 10))

    def cond(self, scope):
        return "%s %s %d" % (self.expr(scope), self.rng.choice(
            ["<", ">", "!=", "=="]), self.rng.randrange(0, 5))

    def suspend(self, scope):
        if self.kind == "gen":
            return "YIELD(%s);" % self.expr(scope)
        return self.rng.choice(["AWAIT(awaitc::sleep(0));",
                                "AWAIT(v(%s));" % self.expr(scope),
                                "(void)AWAIT(v(%s));" % self.expr(scope)])

    def ret(self, scope):
        if self.kind == "coro-int":
            return "return %s;" % self.expr(scope)
        return "return;"

    def block(self, scope, depth, ind, loop=False, n=None):
        scope = {k: list(v) if isinstance(v, list) else v
                 for k, v in scope.items()}
        if loop:
            scope["loop"] = True
        out = []
        n = n if n is not None else self.rng.randrange(1, 5)
        for _ in range(n):
            if self.budget <= 0:
                break
            out += self.stmt(scope, depth, ind)
        return out

    def stmt(self, scope, depth, ind):
        r = self.rng
        self.budget -= 1
        p = "  " * ind
        kinds = ["decl", "decl", "assign", "suspend", "suspend", "if",
                 "ifelse", "ifinit", "for", "rangefor", "while", "do",
                 "switch", "block", "try", "obj", "str", "binding", "ref",
                 "jump", "ret", "goto", "lambda"]
        if not self.full:
            kinds = [x for x in kinds if x != "binding"]
        if depth >= self.max_depth:
            kinds = ["decl", "assign", "suspend", "obj", "jump"]
        k = r.choice(kinds)
        ints = scope["ints"]
        if k == "decl":
            x = self.fresh()
            e = self.expr(scope)
            ints.append(x)
            return [p + "int %s = %s;" % (x, e)]
        if k == "assign" and ints:
            return [p + "%s %s %s;" % (r.choice(ints), r.choice(
                ["=", "+=", "-=", "^="]), self.expr(scope))]
        if k == "suspend" or k == "assign":
            return [p + self.suspend(scope)]
        if k == "obj":
            x = self.fresh("o")
            e = self.expr(scope)
            scope["objs"].append(x)
            return [p + "Obj %s(%s);" % (x, e)]
        if k == "str":
            x = self.fresh("s")
            scope["strs"].append(x)
            return [p + "std::string %s(%d, 'c');" % (x, r.randrange(1, 40))]
        if k == "binding":
            a, b = self.fresh("b"), self.fresh("b")
            e1, e2 = self.expr(scope), self.expr(scope)
            ints += [a, b]
            return [p + "auto [%s, %s] = std::make_pair(%s, %s);" % (
                a, b, e1, e2)]
        if k == "ref" and ints:
            x = self.fresh("r")
            t = r.choice(ints)
            ints.append(x)
            return [p + "int &%s = %s;" % (x, t)]
        if k == "lambda" and ints:
            # Closures that live across suspensions, with every capture
            # form; called after the next statements suspend.
            x, v = self.fresh("f"), r.choice(ints)
            capture = r.choice(["[=]", "[&]", "[%s]" % v, "[&%s]" % v,
                                "[c = %s]" % v, "[%s, k = 0]" % v])
            use = "c" if capture.startswith("[c") else v
            body = "return q + %s;" % use
            mut = ""
            if "k = 0" in capture:
                body, mut = "return q + %s + ++k;" % use, " mutable"
            return [p + "auto %s = %s(int q)%s { %s };" % (
                x, capture, mut, body), p + "%s = %s(%s);" % (
                r.choice(ints), x, self.expr(scope))]
        if k == "jump":
            j = r.choice(["break;", "continue;"]) if scope.get("loop") \
                else self.ret(scope)
            fmt = "if (%s) %s" if r.random() < 0.5 else "if (%s) { %s }"
            return [p + fmt % (self.cond(scope), j)]
        if k == "ret":
            fmt = "if (%s) %s" if r.random() < 0.5 else "if (%s) { %s }"
            return [p + fmt % (self.cond(scope), self.ret(scope))]
        d = depth + 1
        if k == "if":
            return [p + "if (%s) {" % self.cond(scope)] + \
                self.block(scope, d, ind + 1) + [p + "}"]
        if k == "ifelse":
            return [p + "if (%s) {" % self.cond(scope)] + \
                self.block(scope, d, ind + 1) + [p + "} else {"] + \
                self.block(scope, d, ind + 1) + [p + "}"]
        if k == "ifinit":
            x = self.fresh("t")
            inner = dict(scope, ints=ints + [x])
            init = self.expr(scope)
            return [p + "if (int %s = %s; %s > 1) {" % (x, init, x)] \
                + self.block(inner, d, ind + 1) + [p + "}"]
        if k == "for":
            i = self.fresh("i")
            inner = dict(scope, ints=ints + [i])
            inc = "++%s" % i if r.random() < 0.6 or self.kind == "gen" else \
                "%s += AWAIT(v(1))" % i
            lim = "%d" % r.randrange(1, 4) if r.random() < 0.6 or \
                self.kind == "gen" else "AWAIT(v(3))"
            return [p + "for (int %s = 0; %s < %s; %s) {" % (i, i, lim, inc)] \
                + self.block(inner, d, ind + 1, loop=True) + [p + "}"]
        if k == "rangefor":
            e = self.fresh("e")
            inner = dict(scope, ints=ints + [e])
            rng_expr = r.choice(["std::vector<int>{1, 2, 3}",
                                 "std::vector<int>(2, %s)" % self.expr(scope)])
            if ints and r.random() < 0.3:
                arr = self.fresh("a")
                return [p + "int %s[] = {%s, 2};" % (arr, self.expr(scope)),
                        p + "for (int &%s : %s) {" % (e, arr)] + \
                    self.block(inner, d, ind + 1, loop=True) + [p + "}"]
            return [p + "for (int %s : %s) {" % (e, rng_expr)] + \
                self.block(inner, d, ind + 1, loop=True) + [p + "}"]
        if k == "while":
            return [p + "while (%s) {" % self.cond(scope)] + \
                self.block(scope, d, ind + 1, loop=True) + [p + "}"]
        if k == "do":
            return [p + "do {"] + self.block(scope, d, ind + 1, loop=True) + \
                [p + "} while (%s);" % self.cond(scope)]
        if k == "switch":
            out = [p + "switch (%s) {" % self.expr(scope)]
            for c in sorted(r.sample(range(5), r.randrange(1, 4))):
                out += [p + "case %d: {" % c] + \
                    self.block(dict(scope, loop=scope.get("loop")), d,
                               ind + 1) + \
                    [p + "  break;", p + "}"]
            out += [p + "default:", p + "  break;", p + "}"]
            return out
        if k == "block":
            return [p + "{"] + self.block(scope, d, ind + 1) + [p + "}"]
        if k == "try":
            x = self.fresh("k")
            inner = dict(scope, ints=ints + [x])
            return [p + "try {"] + self.block(scope, d, ind + 1) + \
                [p + "  if (%s) throw %s;" % (self.cond(scope),
                                              self.expr(scope)),
                 p + "} catch (int %s%s) {" % ("" if self.full else "&",
                                              x)] + \
                self.block(inner, d, ind + 1) + [p + "}"]
        if k == "goto":
            self.labels += 1
            lab = "L%d" % self.labels
            return [p + "{"] + self.block(scope, d, ind + 1) + \
                [p + "  if (%s) goto %s;" % (self.cond(scope), lab)] + \
                self.block(scope, d, ind + 1) + [p + "}", p + "%s:;" % lab]
        return [p + self.suspend(scope)]

    def function(self, name, params="int p"):
        scope = {"ints": ["p"], "objs": [], "strs": []}
        body = self.block(scope, 0, 1, n=self.rng.randrange(3, 8))
        while self.budget > 0 and self.rng.random() < 0.5:
            body += self.block(scope, 0, 1, n=2)
        if self.kind == "coro-int":
            body.append("  return %s;" % self.expr(scope))
            head = "AWAITC_ASYNC awaitc::Coro<int> %s(%s)" % (name, params)
        elif self.kind == "coro-void":
            head = "AWAITC_ASYNC awaitc::Coro<void> %s(%s)" % (name, params)
        else:
            head = "AWAITC_GENERATOR awaitc::Generator<int> %s(%s)" % (
                name, params)
        return [head + " {"] + body + ["}"]


def extreme_program(rng, k):
    """Case k of the extreme shapes: (file name, text)."""
    shape = rng.choice(["nest", "nest", "expr", "nested-await", "chain",
                        "many", "gen-nest", "ternary"])
    depth = rng.choice([10, 30, 60, 120, 200, 300, 600])
    out = [PRELUDE]
    if shape in ("nest", "gen-nest"):
        gen = shape == "gen-nest"
        out.append("AWAITC_%s %s deep(int p) {" % (
            "GENERATOR" if gen else "ASYNC",
            "awaitc::Generator<int>" if gen else "awaitc::Coro<int>"))
        closers = []
        for i in range(depth):
            c = rng.choice(["block", "if", "for", "while", "do", "switch",
                            "try", "else"])
            s = "YIELD(x%d);" % i if gen else "x%d += AWAIT(v(%d));" % (i, i)
            out.append("int x%d = p + %d; %s" % (i, i, s))
            if c == "block":
                out.append("{")
                closers.append("}")
            elif c == "if":
                out.append("if (x%d > 0) {" % i)
                closers.append("}")
            elif c == "else":
                out.append("if (x%d < 0) { p = 1; } else {" % i)
                closers.append("}")
            elif c == "for":
                out.append("for (int i%d = 0; i%d < 2; ++i%d) {" % (i, i, i))
                closers.append("}")
            elif c == "while":
                out.append("while (x%d-- > 0) {" % i)
                closers.append("}")
            elif c == "do":
                out.append("do {")
                closers.append("} while (x%d-- > 0);" % i)
            elif c == "switch":
                out.append("switch (x%d) { case 1: {" % i)
                closers.append("} break; default: break; }")
            else:
                out.append("try {")
                closers.append("} catch (...) { p = 2; }")
        out.append("YIELD(p);" if gen else "p += AWAIT(v(p));")
        out += reversed(closers)
        out.append("" if gen else "return p;")
        out.append("}")
    elif shape == "expr":
        n = rng.choice([10, 50, 200, 500, 1000])
        out.append("AWAITC_ASYNC awaitc::Coro<int> longexpr(int p) {")
        out.append("  int s = " + " + ".join("AWAIT(v(%d))" % i
                                             for i in range(n)) + ";")
        out.append("  return s + p;\n}")
    elif shape == "nested-await":
        n = min(depth, 250)
        out.append("AWAITC_ASYNC awaitc::Coro<int> nested(int p) {")
        out.append("  return " + "AWAIT(v(" * n + "p" + "))" * n + ";\n}")
    elif shape == "chain":
        n = rng.choice([10, 50, 200, 500])
        out.append("AWAITC_ASYNC awaitc::Coro<int> chain(int p) {")
        out.append("  if (" + " && ".join("AWAIT(v(%d)) > p" % i
                                          for i in range(n)) + ")")
        out.append("    return 1;")
        out.append("  return (" + " || ".join(
            "AWAIT(v(%d)) == p" % i for i in range(n)) + ") ? 2 : 3;")
        out.append("}")
    elif shape == "ternary":
        n = min(depth, 200)
        e = "p"
        for i in range(n):
            e = "(AWAIT(v(%d)) > p ? %s : AWAIT(v(%d)))" % (i, e, i + 1)
        out.append("AWAITC_ASYNC awaitc::Coro<int> tern(int p) {")
        out.append("  return %s;\n}" % e)
    else:
        n = rng.choice([20, 100, 300])
        for i in range(n):
            out.append("AWAITC_ASYNC awaitc::Coro<int> f%d(int p) {" % i)
            if i:
                out.append("  int a = AWAIT(f%d(p));" % (i - 1))
            else:
                out.append("  int a = AWAIT(v(p));")
            out.append("  return a + 1;\n}")
    return "deep%05d-%s-%d.cpp" % (k, shape, depth), "\n".join(out) + "\n"


def random_program(rng, k, small=False):
    """Case k of the random programs, or now and then (unless small) an
    extreme one: (file name, text)."""
    if not small and rng.random() < 0.25:
        return extreme_program(rng, k)
    out = [PRELUDE]
    names = []
    nf = rng.randrange(1, 4)
    full = rng.random() < 0.2
    for i in range(nf):
        kind = rng.choice(["coro-int", "coro-int", "coro-void", "gen"])
        g = FunctionGenerator(rng, kind,
                              budget=rng.randrange(5, 25 if small else 60),
                              max_depth=rng.randrange(2, 6), full=full)
        nm = "f%d" % i
        style = rng.choice(["free", "free", "static", "member", "template",
                            "namespace"])
        fn = g.function(nm)
        if style == "static":
            fn[0] = "static " + fn[0]
        elif style == "namespace":
            fn = ["namespace ns%d {" % i] + fn + ["}"]
            nm = "ns%d::%s" % (i, nm)
        elif style == "template":
            fn[0] = "template <class T> " + fn[0].replace("(int p)",
                                                           "(T p)")
            nm = nm + "<int>"
        elif style == "member":
            fn = ["struct C%d {" % i, "  int m = 1;"] + \
                ["  " + l for l in fn] + ["};"]
            fn = [l.replace("p + 1;", "p + m;") for l in fn]
            nm = "C%d().%s" % (i, nm)
        out += fn
        names.append((nm, kind))
    out.append("AWAITC_ASYNC awaitc::Coro<void> run_all() {")
    for nm, kind in names:
        if kind == "gen":
            out.append("  for (int x : %s(1)) (void)x;" % nm)
        elif kind == "coro-int":
            out.append("  (void)AWAIT(%s(1));" % nm)
        else:
            out.append("  AWAIT(%s(1));" % nm)
    out.append("}")
    out.append("int main() { awaitc::run(run_all()); }")
    return "prog%05d.cpp" % k, "\n".join(out) + "\n"
