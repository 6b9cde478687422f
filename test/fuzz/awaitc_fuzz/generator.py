"""Random, valid, deterministic awaitc programs.

A program is a set of annotated coroutines and generators with nested control
flow, markers in the expression positions whose order C++17 fixes, every
initialisation form, and tracer objects (fz::T, test/fuzz/prelude) whose
construction, copy and destruction print. Its output depends only on C++'s
rules, so every correct build prints the same lines.

Validity rules the generator keeps (C++17, [intro.execution], [expr]):
  - never two side effects (a print, an AWAIT, a tracer's construction) in
    one unsequenced context: the operands of +, -, *, ==, <, &, ^ and the
    arguments of one call get at most one effectful operand; `&&`, `||`,
    `?:`, `,`, `<<` (also overloaded), `[]`, braced lists and `=` (right
    before left) may have several;
  - no undefined behaviour: values stay small (assignments take `% 1000`),
    shifts are masked, every variable is initialised, loops are bounded,
    references never outlive what they refer to, every task is awaited;
  - no unspecified output: no addresses, no hash orders, and no named value
    returned by value (NRVO is optional).

Every feature has a name (FEATURES); a campaign can switch features off, which
is how the CTest campaign avoids the classes known to be broken today.
"""

import random
import re

# Each feature: what it generates. Names are stable: known_broken.txt and the
# findings refer to them.
FEATURES = {
    "yield-temporary": "a tracer temporary in a YIELD operand",
    "yield-plain": "YIELD of a plain expression",
    "await-in-paren-init": "direct-initialisation with parentheses whose "
                           "initializer awaits: int v(AWAIT(..))",
    "await-in-brace-init": "T x{..AWAIT..}, int v{..AWAIT..}",
    "await-in-copy-init": "T x = T(..AWAIT..), int v = AWAIT(..)",
    "auto-init": "auto / auto&& / const auto& / decltype(auto) locals "
                 "initialised with a marker, and decltype(auto) aliases of "
                 "int variables",
    "tracer-local": "tracer locals in every scope",
    "tracer-temporary": "tracer temporaries in expressions",
    "await-in-tracer-temporary": "a tracer temporary whose initializer "
                                 "awaits, in a full-expression that suspends "
                                 "again later: fz::T{AWAIT(..)}.val()",
    "tracer-in-cond-arm": "tracer temporaries in an arm of ?:, && or ||",
    "await-in-cond-arm": "a marker in an arm of ?:, && or ||",
    "ref-param-temporary": "a tracer temporary bound to a reference "
                           "parameter of an awaited coroutine",
    "ref-param-await-temporary": "a temporary whose initializer awaits, bound "
                                 "to a reference parameter of an awaited "
                                 "coroutine",
    "vector-temporary": "a std::vector temporary passed by reference to an "
                        "awaited coroutine",
    "byval-param": "a tracer passed by value to a coroutine",
    "reference-local": "int& / const T& locals",
    "array-local": "arrays with braced initialisers and subscripts",
    "binding-copy": "structured bindings that copy (auto [a, b] = ...)",
    "binding-ref": "structured bindings by reference (auto& [a, b] = ...)",
    "goto-forward": "goto out of nested blocks",
    "goto-backward": "a backward goto over a block",
    "switch": "switch with cases, fall-through and default",
    "loops": "for, while, do-while, range-for",
    "try-catch": "try blocks, throw, exceptions across suspensions",
    "generator-abandon": "a generator abandoned by break from range-for",
    "tasks": "create_task interleaved with sleep(0)",
    "cancel": "task.cancel() and CancelledError",
    "member-coro": "annotated member functions",
    "template-coro": "annotated function templates",
    "template-body": "random coroutines as function templates, their ints "
                     "and tracers of template parameter types, so that most "
                     "of the body depends on them",
    "recursion": "recursive coroutines",
    "log-chain": "Log() << a << b, an overloaded << chain",
    "member-chain": "member-call chains through a returned reference with "
                    "markers in the arguments: t.add(AWAIT(..)).add(..)",
    "assign-ops": "= and op= with markers on both sides",
    "shift": "built-in << with markers in both operands",
    "comma": "the comma operator with markers",
    "lambda-call": "a local lambda called with a marker in its arguments",
    "if-init": "if with an initializer / condition variable",
    "decltype-check": "static_assert on decltype of auto&& / const auto& / "
                      "decltype(auto) "
                      "locals initialised with a marker",
}


# Always on in swarm mode: what every program is made of.
CORE = {"tracer-local", "tracer-temporary", "loops"}


class Options:
    def __init__(self, disabled=(), marker_in_catch=False, size=1.0,
                 swarm=True):
        self.swarm = swarm
        unknown = [f for f in disabled if f not in FEATURES]
        if unknown:
            raise ValueError("unknown feature(s): %s" % ", ".join(unknown))
        self.disabled = set(disabled)
        self.marker_in_catch = marker_in_catch
        self.size = size

    def on(self, feature):
        return feature not in self.disabled


class Scope:
    """Names visible at a point: ints (assignable or not), tracers, arrays."""

    def __init__(self, parent=None):
        self.parent = parent
        self.ints = []      # assignable ints
        self.ro_ints = []   # readable ints (loop counters, bindings, consts)
        self.tracers = []   # names of live tracers (T, const T&, T&)
        self.arrays = []    # int[4] arrays

    def all(self, attr):
        s, out = self, []
        while s:
            out.extend(getattr(s, attr))
            s = s.parent
        return out


def dependent_types(line):
    """\p line with the types int and fz::T, outside string literals,
    spelled I and TT."""
    pieces = re.split(r'("(?:[^"\\]|\\.)*")', line)
    return "".join(
        piece if piece.startswith('"') else
        re.sub(r"\bfz::T\b", "TT", re.sub(r"\bint\b", "I", piece))
        for piece in pieces)


class Func:
    def __init__(self, name, kind, params, call):
        self.name = name        # as called
        self.kind = kind        # "coro" | "gen"
        self.params = params    # list of "int" | "cref" | "byval"
        self.call = call        # format for the callee expression


class ProgramGenerator:
    def __init__(self, seed, options=None):
        self.rng = random.Random(seed)
        self.seed = seed
        self.opt = options or Options()
        # Swarm testing: each program leaves out a random third of the
        # features, so that a failure's class shows in which features its
        # programs have in common, and a frequent failure does not hide the
        # rarer ones behind it.
        self.swarm_off = set()
        if self.opt.swarm:
            self.swarm_off = {f for f in sorted(FEATURES)
                              if f not in CORE and self.rng.random() < 0.35}
        self.counter = 0
        self.callable = []      # coroutines a body may await (Func)
        self.generators = []    # generators a body may iterate
        self.in_generator = False
        self.in_template = False
        self.in_try = 0
        self.in_main = False
        # While positive, effects may not await / construct tracers: a
        # context whose feature is off.
        self.no_await = 0
        self.no_tracer = 0
        self.used_features = set()

    # --- helpers ----------------------------------------------------------
    def fresh(self, prefix):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    def on(self, feature, p=1.0):
        if not self.opt.on(feature) or feature in self.swarm_off:
            return False
        if self.rng.random() < p:
            self.used_features.add(feature)
            return True
        return False

    def lit(self):
        return str(self.rng.randint(0, 20))

    # --- expressions --------------------------------------------------------
    def atom(self, sc):
        r = self.rng
        choices = [lambda: self.lit()]
        ints = sc.all("ints") + sc.all("ro_ints")
        if ints:
            choices += [lambda: r.choice(ints)] * 3
        trs = sc.all("tracers")
        if trs:
            choices.append(lambda: "%s.get()" % r.choice(trs))
        arrs = sc.all("arrays")
        if arrs:
            choices.append(lambda: "%s[%d]" % (r.choice(arrs), r.randint(0, 3)))
        return r.choice(choices)()

    def expr(self, sc, depth=0, effect=True):
        """An int expression; effects (prints, markers, tracers) only if
        `effect`. Returns (text, has_effect)."""
        r = self.rng
        if depth >= 3 or r.random() < 0.25 + 0.15 * depth:
            if effect and r.random() < 0.5:
                return self.effect_expr(sc, depth), True
            return self.atom(sc), False
        k = r.randint(0, 11)
        if k <= 3:  # unsequenced binary operator: one effectful operand
            op = r.choice(["+", "-", "+", "==", "<", "^", "&"])
            left_may = r.random() < 0.5
            a, ea = self.expr(sc, depth + 1, effect and left_may)
            b, eb = self.expr(sc, depth + 1, effect and not left_may)
            return "(%s %s %s)" % (a, op, b), ea or eb
        if k == 4:
            a, ea = self.expr(sc, depth + 1, effect)
            return "(%s * %d)" % (a, r.randint(0, 3)), ea
        if k == 5 and effect and self.on("shift", 0.7):
            a, ea = self.expr(sc, depth + 1, True)
            b, eb = self.expr(sc, depth + 1, True)
            return "(((%s) & 255) << ((%s) & 3))" % (a, b), ea or eb
        if k == 6:  # && / ||
            op = r.choice(["&&", "||"])
            aw = self.on("await-in-cond-arm", 0.6)
            tr = self.on("tracer-in-cond-arm", 0.6)
            a, ea = self.expr(sc, depth + 1, effect)
            b, eb = self.guarded(lambda: self.expr(sc, depth + 1, effect),
                                 aw, tr)
            return "(%s %s %s)" % (a, op, b), ea or eb
        if k == 7:  # ?:
            aw = self.on("await-in-cond-arm", 0.6)
            tr = self.on("tracer-in-cond-arm", 0.6)
            c, ec = self.expr(sc, depth + 1, effect)
            a, ea = self.guarded(lambda: self.expr(sc, depth + 1, effect),
                                 aw, tr)
            b, eb = self.guarded(lambda: self.expr(sc, depth + 1, effect),
                                 aw, tr)
            return "(%s ? %s : %s)" % (c, a, b), ec or ea or eb
        if k == 8 and effect and self.on("comma", 0.5):
            a, ea = self.expr(sc, depth + 1, True)
            b, eb = self.expr(sc, depth + 1, True)
            return "((void)%s, %s)" % (a, b), ea or eb
        if k == 9:
            arrs = sc.all("arrays")
            if arrs:
                i, ei = self.expr(sc, depth + 1, effect)
                return "%s[(%s) & 3]" % (r.choice(arrs), i), ei
        if k == 10 and effect:
            return self.effect_expr(sc, depth), True
        a, ea = self.expr(sc, depth + 1, effect)
        return "(%s %% 97)" % a, ea

    def pure(self, sc, depth=1):
        return self.expr(sc, depth, effect=False)[0]

    def effect_expr(self, sc, depth):
        """An expression that surely has a side effect."""
        r = self.rng
        opts = [self.e_side]
        if not self.no_tracer and self.on("tracer-temporary", 0.8):
            opts += [self.e_tracer_temp] * 2
        if not self.in_generator and not self.no_await:
            opts += [self.e_await] * 4
            if not self.no_tracer and self.on("ref-param-temporary", 0.5):
                opts.append(self.e_await_cref)
            if self.on("vector-temporary", 0.5):
                opts.append(self.e_await_vector)
            if not self.no_tracer and self.on("byval-param", 0.4):
                opts.append(self.e_await_byval)
            if not self.no_tracer and self.on("member-chain", 0.3):
                opts.append(self.e_member_chain)
            # (In a template, the tool names a marker's type with decltype,
            # which cannot hold a lambda before C++20: a documented error.)
            if not self.in_template and self.on("lambda-call", 0.3):
                opts.append(self.e_lambda_call)
        return r.choice(opts)(sc, depth)

    def sub(self, sc, depth, effect=True):
        return self.expr(sc, depth + 1, effect)[0]

    def guarded(self, fn, await_ok, tracer_ok):
        """fn() with awaits / tracers left out unless allowed."""
        self.no_await += not await_ok
        self.no_tracer += not tracer_ok
        try:
            return fn()
        finally:
            self.no_await -= not await_ok
            self.no_tracer -= not tracer_ok

    def e_side(self, sc, depth):
        return "fz::side(%d, %s)" % (self.rng.randint(1, 99),
                                     self.sub(sc, depth))

    def e_tracer_temp(self, sc, depth):
        r = self.rng
        form = r.randint(0, 3)
        inner = self.guarded(lambda: self.sub(sc, depth),
                             self.on("await-in-tracer-temporary", 0.7), True)
        if form == 0:
            return "fz::T(%s).get()" % inner
        if form == 1:
            return "fz::T{%s}.val()" % inner
        if form == 2:
            # Constructor arguments are unsequenced: one may print.
            return "fz::T(%s, %s).get()" % (inner, self.pure(sc))
        return "fz::T(%d).add(%s).get()" % (r.randint(0, 9), inner)

    def e_await(self, sc, depth):
        r = self.rng
        f = r.choice(self.callable)
        args = []
        eff_slot = r.randrange(len(f.params)) if f.params else -1
        if "byval" in f.params:
            # A tracer passed by value is constructed or copied: an effect.
            eff_slot = f.params.index("byval")
        if eff_slot >= 0 and f.params[eff_slot] == "cref" and (
                self.no_tracer or not self.on("ref-param-temporary")):
            ints = [i for i, p in enumerate(f.params) if p == "int"]
            eff_slot = ints[0] if ints else -1
        await_in_temp = self.on("ref-param-await-temporary")
        for i, p in enumerate(f.params):
            e = self.sub(sc, depth, effect=(i == eff_slot))
            if p == "int":
                args.append(e)
            elif p == "cref":
                if i == eff_slot:
                    e = self.guarded(lambda: self.sub(sc, depth),
                                     await_in_temp, True)
                args.append("fz::T(%s)" % e if i == eff_slot
                            else self.tracer_lvalue(sc, e))
            else:
                args.append("fz::T(%s)" % e if i == eff_slot
                            else self.tracer_lvalue(sc, e))
        return "AWAIT(%s(%s))" % (f.call, ", ".join(args))

    def tracer_lvalue(self, sc, fallback):
        # An lvalue tracer bound to a reference prints nothing, so another
        # argument may print.
        trs = sc.all("tracers")
        if trs and self.rng.random() < 0.7:
            return self.rng.choice(trs)
        return "g_tracer"

    def e_await_cref(self, sc, depth):
        ok = self.on("ref-param-await-temporary", 0.5)
        inner = self.guarded(lambda: self.sub(sc, depth), ok, True)
        if ok:
            inner = "AWAIT(leaf%d(%s))" % (self.rng.randint(0, 2), inner)
        return "AWAIT(readref(fz::T(%s), %s))" % (inner, self.pure(sc))

    def e_await_vector(self, sc, depth):
        ok = self.on("ref-param-await-temporary", 0.5)
        a = self.guarded(lambda: self.sub(sc, depth), ok, True)
        b = self.guarded(lambda: self.sub(sc, depth), ok, True)
        return "AWAIT(vsum(std::vector<int>{%s, %s}))" % (a, b)

    def e_await_byval(self, sc, depth):
        return "AWAIT(byval(fz::T(%s), %s))" % (self.sub(sc, depth),
                                                self.pure(sc))

    def e_member_chain(self, sc, depth):
        base = "fz::T(%s)" % self.pure(sc)
        a = "AWAIT(leaf%d(%s))" % (self.rng.randint(0, 2), self.pure(sc))
        b = "AWAIT(leaf%d(%s))" % (self.rng.randint(0, 2), self.pure(sc))
        return "%s.add(%s).add(%s).get()" % (base, a, b)

    def e_lambda_call(self, sc, depth):
        form = self.rng.randint(0, 1)
        call = "AWAIT(leaf%d(%s))" % (self.rng.randint(0, 2), self.pure(sc))
        if form == 0:  # immediately invoked
            return "[](int v) { return (v * 2) %% 1000; }(%s)" % call
        return "[k = %d](auto v) { return (v + k) %% 1000; }(%s)" % (
            self.rng.randint(0, 9), call)

    def cond(self, sc):
        e, _ = self.expr(sc, 1)
        return "(%s) %% 3 != 0" % e if self.rng.random() < 0.5 else \
            "(%s) > %d" % (e, self.rng.randint(0, 10))

    # --- statements --------------------------------------------------------
    def block(self, sc, depth, ind, n=None, tail=None):
        inner = Scope(sc)
        lines = []
        n = n if n is not None else self.rng.randint(1, max(1, int(
            (3 - depth) * self.opt.size)))
        for _ in range(n):
            lines += self.stmt(inner, depth, ind)
        if tail:
            lines += tail(inner)
        return lines

    def marker_stmt(self, sc, ind):
        if self.in_generator:
            return self.yield_stmt(sc, ind)
        return [ind + "AWAIT(awaitc::sleep(0));"]

    def yield_stmt(self, sc, ind):
        if self.on("yield-temporary", 0.4):
            return [ind + "YIELD(%s);" % self.e_tracer_temp(sc, 1)]
        if self.on("yield-plain", 1.0):
            tr = self.on("yield-temporary")
            return [ind + "YIELD(%s);" % self.guarded(
                lambda: self.expr(sc, 1)[0], True, tr)]
        return [ind + "fz::P(\"y\", 0);"]

    def stmt(self, sc, depth, ind):
        r = self.rng
        kinds = ["decl", "decl", "assign", "print", "marker", "marker"]
        if depth < 3 and self.rng.random() < 0.7 - 0.2 * depth:
            kinds += ["if", "block"]
            if self.on("loops"):
                kinds += ["for", "while", "do", "range"]
            if self.on("switch"):
                kinds.append("switch")
            if self.on("try-catch"):
                kinds.append("try")
            if self.on("goto-forward"):
                kinds.append("goto_fwd")
            if self.on("goto-backward"):
                kinds.append("goto_back")
            if self.on("if-init"):
                kinds.append("if_init")
            if not self.in_generator and self.generators and \
                    self.on("generator-abandon"):
                kinds.append("consume")
        if self.on("log-chain"):
            kinds.append("log")
        if not self.in_main:
            kinds.append("ret")
        k = r.choice(kinds)
        return getattr(self, "s_" + k)(sc, depth, ind)

    def s_ret(self, sc, depth, ind):
        if self.in_generator:
            return [ind + "if (%s) return;" % self.cond(sc)]
        return [ind + "if (%s) return (%s) %% 1000;" % (self.cond(sc),
                                                         self.expr(sc)[0])]

    def s_print(self, sc, depth, ind):
        return [ind + "fz::P(\"p%d\", %s);" % (self.rng.randint(0, 99),
                                                 self.expr(sc)[0])]

    def s_marker(self, sc, depth, ind):
        if self.in_generator:
            return self.yield_stmt(sc, ind)
        r = self.rng
        if r.random() < 0.4:
            return [ind + "AWAIT(awaitc::sleep(0));"]
        return [ind + "fz::P(\"a\", %s);" % self.e_await(sc, 0)]

    def s_log(self, sc, depth, ind):
        parts = [self.expr(sc, 1)[0] for _ in range(self.rng.randint(1, 3))]
        return [ind + "fz::Log() << %s;" % " << ".join(parts)]

    def s_assign(self, sc, depth, ind):
        r = self.rng
        ints = sc.all("ints")
        arrs = sc.all("arrays")
        e = self.expr(sc)[0]
        if arrs and r.random() < 0.3:
            i = self.expr(sc, 1)[0]
            return [ind + "%s[(%s) & 3] = (%s) %% 1000;" % (r.choice(arrs),
                                                             i, e)]
        if not ints:
            return self.s_print(sc, depth, ind)
        op = "+=" if self.on("assign-ops", 0.5) else "="
        return [ind + "%s %s (%s) %% 1000;" % (r.choice(ints), op, e)]

    @staticmethod
    def paren_init(e):
        """The initializer of `T v(e);`. g++ 12 takes `int v(fz::T(([k = 1]
        (auto v) {...}(x)) + 1).get());` for the declaration of a function and
        rejects it (clang++ does not; the statement fails with g++ without any
        marker in it), so such an initializer gets parentheses of its own."""
        if "[k = " in e and re.match(r"[\w:]+\(", e):
            return "(%s)" % e
        return e

    def s_decl(self, sc, depth, ind):
        r = self.rng
        name = self.fresh("v")
        e, eff = self.expr(sc)
        k = r.randint(0, 13)
        if k == 0 and self.on("await-in-paren-init"):
            e2 = e if eff else self.e_await(sc, 1) if not self.in_generator \
                else e
            sc.ints.append(name)
            return [ind + "int %s(%s);" % (name, self.paren_init(e2))]
        if k == 1 and self.on("await-in-brace-init"):
            sc.ints.append(name)
            return [ind + "int %s{%s};" % (name, e)]
        if k == 2 and self.on("auto-init"):
            form = r.randint(0, 4)
            aliased = sc.all("ints")
            if form == 4 and aliased:
                # A reference: writes to it reach the aliased variable.
                line = "decltype(auto) %s = (%s);" % (name, r.choice(aliased))
                sc.ints.append(name)
            else:
                form = min(form, 3)
                line = ["auto %s = %s;", "auto&& %s = %s;",
                        "const auto& %s = %s;", "decltype(auto) %s = %s;"][
                            form] % (name, "(%s) + 0" % e)
                sc.ro_ints.append(name)
            lines = [ind + line]
            if form and self.on("decltype-check", 0.7):
                want = ["int", "int&&", "const int&", "int", "int&"][form]
                lines.append(ind + "static_assert(std::is_same<decltype(%s), "
                             "%s>::value, \"declared type\");" % (name, want))
            return lines
        if k in (3, 4, 5) and self.on("tracer-local"):
            t = self.fresh("t")
            form = r.randint(0, 5)
            if form == 0 and self.on("await-in-paren-init"):
                line = "fz::T %s(%s);" % (t, self.paren_init(e))
            elif form == 1 and self.on("await-in-brace-init"):
                line = "fz::T %s{%s};" % (t, e)
            elif form == 2 and self.on("await-in-copy-init"):
                line = "fz::T %s = fz::T(%s);" % (t, e)
            elif form == 3 and self.on("auto-init"):
                line = "auto %s = fz::T(%s);" % (t, e)
            elif form == 4 and self.on("reference-local"):
                line = "const fz::T& %s = fz::T(%s);" % (t, e)
            elif form == 5 and self.on("auto-init"):
                line = "auto&& %s = fz::T(%s, %s);" % (t, e, self.pure(sc))
            else:
                line = "fz::T %s(%s);" % (t, self.pure(sc)) \
                    if self.on("await-in-paren-init") else \
                    "fz::T %s{%s};" % (t, self.pure(sc))
            sc.tracers.append(t)
            return [ind + line]
        if k == 6 and self.on("array-local"):
            a = self.fresh("arr")
            es = [self.expr(sc, 1)[0] for _ in range(4)]
            sc.arrays.append(a)
            return [ind + "int %s[4] = {%s};" % (a, ", ".join(
                "(%s) %% 1000" % x for x in es))]
        if k == 7 and self.on("reference-local"):
            ints = sc.all("ints")
            if ints:
                sc.ints.append(name)
                return [ind + "int& %s = %s;" % (name, r.choice(ints))]
        if k == 8 and self.on("binding-copy"):
            a, b = self.fresh("b"), self.fresh("b")
            arrs = sc.all("arrays")
            if arrs and r.random() < 0.4:
                arr = r.choice(arrs)
                c, d = self.fresh("b"), self.fresh("b")
                sc.ro_ints += [a, b, c, d]
                return [ind + "auto [%s, %s, %s, %s] = %s;" % (a, b, c, d,
                                                                arr)]
            e2 = self.expr(sc, 1)[0]
            sc.ro_ints += [a, b]
            return [ind + "auto [%s, %s] = fz::Pair{%s, %s};" % (a, b, e, e2)]
        if k == 9 and self.on("binding-ref"):
            p = self.fresh("pr")
            a, b = self.fresh("b"), self.fresh("b")
            sc.ro_ints += [a, b]
            sc.ints.append(a)
            return [ind + "fz::Pair %s{(%s) %% 1000, 3};" % (p, e),
                    ind + "auto& [%s, %s] = %s;" % (a, b, p)]
        if k == 10 and self.on("await-in-copy-init"):
            sc.ints.append(name)
            return [ind + "int %s = %s;" % (name, e)]
        sc.ints.append(name)
        return [ind + "int %s = (%s) %% 1000;" % (name, e)]

    def s_if(self, sc, depth, ind):
        lines = [ind + "if (%s) {" % self.cond(sc)]
        lines += self.block(sc, depth + 1, ind + "  ")
        if self.rng.random() < 0.5:
            lines += [ind + "} else {"]
            lines += self.block(sc, depth + 1, ind + "  ")
        return lines + [ind + "}"]

    def s_if_init(self, sc, depth, ind):
        inner = Scope(sc)
        name = self.fresh("c")
        if self.on("tracer-local", 0.5):
            init = "fz::T %s{%s}; %s.get() %% 2 == 0" % (name, self.expr(sc)[0],
                                                         name)
            inner.tracers.append(name)
        else:
            init = "int %s = %s; %s > 5" % (name, self.expr(sc)[0], name)
            inner.ro_ints.append(name)
        lines = [ind + "if (%s) {" % init]
        lines += self.block(inner, depth + 1, ind + "  ")
        lines += [ind + "} else {"]
        lines += self.block(inner, depth + 1, ind + "  ")
        return lines + [ind + "}"]

    def s_block(self, sc, depth, ind):
        return [ind + "{"] + self.block(sc, depth + 1, ind + "  ") + [ind + "}"]

    def jump_tail(self, ind):
        r = self.rng
        j = r.choice(["break", "continue", None, None])
        if j:
            return [ind + "if (%s) %s;" % ("%d > %d" % (r.randint(0, 5),
                                                         r.randint(0, 5)), j)]
        return []

    def loop_body(self, sc, depth, ind):
        inner = Scope(sc)
        lines = []
        n = self.rng.randint(1, 3)
        for i in range(n):
            lines += self.stmt(inner, depth + 1, ind)
            if self.rng.random() < 0.3:
                cond = self.cond(inner)
                lines += [ind + "if (%s) %s;" % (
                    cond, self.rng.choice(["break", "continue"]))]
        return lines

    def s_for(self, sc, depth, ind):
        i = self.fresh("i")
        inner = Scope(sc)
        inner.ro_ints.append(i)
        bound = self.rng.randint(1, 3)
        lines = [ind + "for (int %s = 0; %s < %d; ++%s) {" % (i, i, bound, i)]
        lines += self.loop_body(inner, depth, ind + "  ")
        return lines + [ind + "}"]

    def s_while(self, sc, depth, ind):
        w = self.fresh("w")
        inner = Scope(sc)
        inner.ro_ints.append(w)
        bound = self.rng.randint(1, 3)
        lines = [ind + "{", ind + "  int %s = 0;" % w,
                 ind + "  while (%s < %d) {" % (w, bound),
                 ind + "    ++%s;" % w]
        lines += self.loop_body(inner, depth, ind + "    ")
        return lines + [ind + "  }", ind + "}"]

    def s_do(self, sc, depth, ind):
        w = self.fresh("d")
        inner = Scope(sc)
        inner.ro_ints.append(w)
        bound = self.rng.randint(1, 3)
        lines = [ind + "{", ind + "  int %s = 0;" % w, ind + "  do {",
                 ind + "    ++%s;" % w]
        lines += self.loop_body(inner, depth, ind + "    ")
        return lines + [ind + "  } while (%s < %d);" % (w, bound), ind + "}"]

    def s_range(self, sc, depth, ind):
        r = self.rng
        v = self.fresh("e")
        inner = Scope(sc)
        inner.ro_ints.append(v)
        arrs = sc.all("arrays")
        if arrs and r.random() < 0.5:
            rng_expr = r.choice(arrs)
        else:
            rng_expr = "std::vector<int>{%s, %s}" % (self.pure(sc),
                                                   self.pure(sc))
        decl = r.choice(["int %s", "const int& %s", "auto %s"]) % v
        lines = [ind + "for (%s : %s) {" % (decl, rng_expr)]
        lines += self.loop_body(inner, depth, ind + "  ")
        return lines + [ind + "}"]

    def s_consume(self, sc, depth, ind):
        r = self.rng
        g = r.choice(self.generators)
        v = self.fresh("g")
        inner = Scope(sc)
        inner.ro_ints.append(v)
        lines = [ind + "for (int %s : %s(%s)) {" % (v, g.name, self.pure(sc))]
        lines += [ind + "  fz::P(\"gv\", %s);" % v]
        lines += self.block(inner, depth + 1, ind + "  ",
                            n=r.randint(0, 2))
        lines += [ind + "  if (%s > %d) break;" % (v, r.randint(0, 30))]
        return lines + [ind + "}"]

    def s_switch(self, sc, depth, ind):
        r = self.rng
        lines = [ind + "switch ((%s) & 3) {" % self.expr(sc)[0]]
        cases = sorted(r.sample(range(4), r.randint(1, 3)))
        for i, c in enumerate(cases):
            lines += [ind + "case %d: {" % c]
            lines += self.block(sc, depth + 1, ind + "  ")
            if r.random() < 0.3 and i + 1 < len(cases):
                lines += [ind + "  [[fallthrough]];", ind + "}"]
            else:
                lines += [ind + "  break;", ind + "}"]
        if r.random() < 0.6:
            lines += [ind + "default: {"] + self.block(sc, depth + 1,
                                                        ind + "  ")
            lines += [ind + "  break;", ind + "}"]
        return lines + [ind + "}"]

    def s_try(self, sc, depth, ind):
        r = self.rng
        lines = [ind + "try {"]
        self.in_try += 1
        body = self.block(sc, depth + 1, ind + "  ")
        self.in_try -= 1
        lines += body
        if r.random() < 0.6:
            lines += [ind + "  if (%s) throw fz::Err{%s};" % (
                self.cond(sc), self.pure(sc))]
        e = self.fresh("x")
        lines += [ind + "} catch (const fz::Err& %s) {" % e]
        inner = Scope(sc)
        inner.ro_ints.append(e + ".v")
        lines += [ind + "  fz::P(\"caught\", %s.v);" % e]
        if self.opt.marker_in_catch and r.random() < 0.3:
            lines += self.marker_stmt(inner, ind + "  ")
        if r.random() < 0.2:
            lines += [ind + "  if (%s.v %% 5 == 0) throw;" % e]
        return lines + [ind + "}"]

    def s_goto_fwd(self, sc, depth, ind):
        label = self.fresh("L")
        lines = [ind + "{"]
        inner = Scope(sc)
        body = self.block(inner, depth + 1, ind + "  ")
        cut = self.rng.randint(0, len(body))
        # Only at a statement boundary of this block (indentation `ind+2`).
        while cut < len(body) and not (body[cut].startswith(ind + "  ") and
                                       not body[cut].startswith(ind + "   ")
                                       and not body[cut].lstrip().startswith(
                                           ("}", "case", "default"))):
            cut += 1
        jump = [ind + "  if (%s) goto %s;" % (self.cond(sc), label)]
        lines += body[:cut] + jump + body[cut:]
        return lines + [ind + "}", ind + "%s:;" % label]

    def s_goto_back(self, sc, depth, ind):
        label = self.fresh("B")
        g = self.fresh("n")
        lines = [ind + "{", ind + "  int %s = 0;" % g, ind + "%s:" % label,
                 ind + "  ++%s;" % g]
        inner = Scope(sc)
        inner.ro_ints.append(g)
        lines += [ind + "  {"] + self.block(inner, depth + 1, ind + "    ") + \
            [ind + "  }"]
        lines += [ind + "  if (%s < 2) goto %s;" % (g, label), ind + "}"]
        return lines

    # --- functions ---------------------------------------------------------
    def coro(self, name, params, body_stmts, ret=True, head=None,
             sig_params=None):
        sc = Scope()
        for p, n in params:
            (sc.tracers if p != "int" else sc.ints).append(n)
        lines = [head or "AWAITC_ASYNC awaitc::Coro<int> %s(%s) {" % (
            name, sig_params or ", ".join(self.param_decl(p, n)
                                          for p, n in params))]
        lines += ["  fz::P(\"enter %s\", %s);" % (name, self.pure(sc))]
        for _ in range(body_stmts):
            lines += self.stmt(sc, 0, "  ")
        if ret:
            lines += ["  return (%s) %% 1000;" % self.expr(sc)[0]]
        return lines + ["}"]

    def template_coro(self, name, params, body_stmts):
        """A coroutine as a template instantiated with I = int and TT = fz::T:
        the same program, but every int and tracer the body declares,
        constructs or casts to is an I or a TT, so that the expressions that
        use them are type-dependent where the tool lowers them."""
        decl = {"int": "I %s", "cref": "const TT& %s", "byval": "TT %s"}
        head = ("template <class I, class TT>\n"
                "AWAITC_ASYNC awaitc::Coro<int> %s(%s) {" % (
                    name, ", ".join(decl[p] % n for p, n in params)))
        self.in_template = True
        try:
            lines = self.coro(name, params, body_stmts, head=head)
        finally:
            self.in_template = False
        return [lines[0]] + [dependent_types(l) for l in lines[1:]]

    @staticmethod
    def param_decl(p, n):
        return {"int": "int %s", "cref": "const fz::T& %s",
                "byval": "fz::T %s"}[p] % n

    def generator(self, name, body_stmts):
        self.in_generator = True
        sc = Scope()
        sc.ints.append("n")
        lines = ["AWAITC_GENERATOR awaitc::Generator<int> %s(int n) {" % name,
                 "  fz::P(\"gen %s\", n);" % name]
        for _ in range(body_stmts):
            lines += self.stmt(sc, 0, "  ")
            if self.rng.random() < 0.5:
                lines += self.yield_stmt(sc, "  ")
        lines += ["  YIELD(n + 100);", "}"]
        self.in_generator = False
        return lines

    def program(self):
        r = self.rng
        size = self.opt.size
        out = ["// awaitc differential fuzzing program, seed %d" % self.seed,
               "#include \"fuzz_prelude.h\"", ""]
        out += ["fz::T g_tracer(0);",
                ""]
        # Fixed leaves: suspend, print, maybe throw.
        for i in range(3):
            out += ["AWAITC_ASYNC awaitc::Coro<int> leaf%d(int v) {" % i,
                    "  fz::P(\"leaf%d\", v);" % i,
                    "  AWAIT(awaitc::sleep(0));"]
            if i == 2 and self.on("try-catch"):
                out += ["  if (v % 7 == 3) throw fz::Err{v};"]
            out += ["  return (v + %d) %% 1000;" % (i + 1), "}", ""]
            self.callable.append(Func("leaf%d" % i, "coro", ["int"],
                                      "leaf%d" % i))
        out += ["AWAITC_ASYNC awaitc::Coro<int> readref(const fz::T& t, "
                "int v) {",
                "  AWAIT(awaitc::sleep(0));",
                "  return (t.get() + v) % 1000;", "}", "",
                "AWAITC_ASYNC awaitc::Coro<int> vsum(const std::vector<int>& "
                "xs) {",
                "  AWAIT(awaitc::sleep(0));",
                "  return fz::vsum_now(xs);", "}", "",
                "AWAITC_ASYNC awaitc::Coro<int> byval(fz::T t, int v) {",
                "  AWAIT(awaitc::sleep(0));",
                "  t.add(v);",
                "  return t.get();", "}", ""]
        if self.on("recursion"):
            out += ["AWAITC_ASYNC awaitc::Coro<int> rec(int d) {",
                    "  fz::T t(d);",
                    "  if (d <= 0) {",
                    "    AWAIT(awaitc::sleep(0));",
                    "    return 1;",
                    "  }",
                    "  return (1 + AWAIT(rec(d - 1))) % 1000;", "}", ""]
            self.callable.append(Func("rec", "coro", ["int"], "rec"))
        # Generators.
        for i in range(r.randint(1, 2)):
            name = "gen%d" % i
            out += self.generator(name, r.randint(1, int(2 * size) + 1)) + [""]
            self.generators.append(Func(name, "gen", ["int"], name))
        # Random coroutines, each may await the earlier ones.
        nfun = r.randint(1, int(2 * size) + 1)
        for i in range(nfun):
            name = "f%d" % i
            kinds = [r.choice(["int", "int", "cref", "byval"])
                     for _ in range(r.randint(0, 2))]
            # At most one tracer parameter: each argument of one call is
            # unsequenced with the others.
            if kinds.count("int") < len(kinds) - 1:
                kinds[0] = "int"
            if not self.on("byval-param"):
                kinds = [k if k != "byval" else "int" for k in kinds]
            params = [(k, "p%d" % j) for j, k in enumerate(kinds)]
            statements = r.randint(2, int(3 * size) + 1)
            if self.on("template-body", 0.5):
                out += self.template_coro(name, params, statements)
                self.callable.append(Func(name, "coro", kinds,
                                          name + "<int, fz::T>"))
            else:
                out += self.coro(name, params, statements)
                self.callable.append(Func(name, "coro", kinds, name))
            out += [""]
        if self.on("member-coro"):
            out += ["struct Acc {", "  int total = 0;",
                    "  AWAITC_ASYNC awaitc::Coro<int> add(int v) {",
                    "    AWAIT(awaitc::sleep(0));",
                    "    total = (total + v) % 1000;",
                    "    fz::P(\"acc\", total);",
                    "    return total;", "  }", "};", "",
                    "Acc g_acc;", ""]
            self.callable.append(Func("g_acc.add", "coro", ["int"],
                                      "g_acc.add"))
        if self.on("template-coro"):
            out += ["template <class X>",
                    "AWAITC_ASYNC awaitc::Coro<int> tmpl(X x) {",
                    "  fz::T t{int(x)};",
                    "  int r = AWAIT(leaf0(int(x) + t.get()));",
                    "  X y = x + X(r);",
                    "  AWAIT(awaitc::sleep(0));",
                    "  return int(y) % 1000;", "}", ""]
            self.callable.append(Func("tmpl<int>", "coro", ["int"],
                                      "tmpl<int>"))
            self.callable.append(Func("tmpl<long>", "coro", ["int"],
                                      "tmpl<long>"))
        out += self.main_coro()
        out += ["",
                "int main() {",
                "  try {",
                "    fz::P(\"result\", awaitc::run(main_coro()));",
                "  } catch (const fz::Err& e) {",
                "    fz::P(\"uncaught\", e.v);",
                "  }",
                "  fz::fz_finish();",
                "  return 0;",
                "}", ""]
        text = "\n".join(out)
        # Recursion depth is bounded (at most 7) by masking the argument of
        # every call but rec's own.
        text = text.replace("AWAIT(rec(", "AWAIT(rec(7 & ")
        text = text.replace("AWAIT(rec(7 & d - 1))", "AWAIT(rec(d - 1))")
        return text

    def main_coro(self):
        r = self.rng
        self.in_main = True
        lines = ["AWAITC_ASYNC awaitc::Coro<int> main_coro() {",
                 "  int total = 0;"]
        sc = Scope()
        sc.ints.append("total")
        tasks = []
        for i in range(r.randint(3, int(4 * self.opt.size) + 3)):
            choice = r.random()
            if choice < 0.3 and self.on("tasks"):
                t = "task%d" % i
                f = r.choice([c for c in self.callable
                              if "cref" not in c.params] or self.callable)
                args = []
                for p in f.params:
                    args.append(self.pure(sc) if p == "int" else
                                "fz::T(%s)" % self.pure(sc))
                if "cref" in f.params:
                    continue
                lines += ["  awaitc::Task<int> %s = awaitc::create_task("
                          "%s(%s));" % (t, f.call, ", ".join(args))]
                tasks.append(t)
            elif choice < 0.45 and tasks:
                t = tasks.pop(r.randrange(len(tasks)))
                if self.on("cancel", 0.4):
                    lines += ["  %s.cancel();" % t]
                lines += ["  try {",
                          "    total = (total + AWAIT(%s)) %% 1000;" % t,
                          "  } catch (const awaitc::CancelledError&) {",
                          "    fz::P(\"cancelled\", %d);" % i,
                          "  } catch (const fz::Err& e) {",
                          "    fz::P(\"task failed\", e.v);",
                          "  }"]
            else:
                lines += self.stmt(sc, 0, "  ")
                if self.rng.random() < 0.3:
                    lines += ["  AWAIT(awaitc::sleep(0));"]
        for t in tasks:
            lines += ["  try {",
                      "    total = (total + AWAIT(%s)) %% 1000;" % t,
                      "  } catch (const awaitc::CancelledError&) {",
                      "    fz::P(\"cancelled\", 99);",
                      "  } catch (const fz::Err& e) {",
                      "    fz::P(\"task failed\", e.v);",
                      "  }"]
        lines += ["  return total;", "}"]
        return lines


def generate(seed, options=None):
    """Returns (program text, set of features it uses)."""
    g = ProgramGenerator(seed, options)
    text = g.program()
    return text, g.used_features
