"""Random Python programs from a grammar of memory operations, for the differential fuzzer.

generate(seed) returns the source of one program; the same seed always gives the same program
(random.Random(seed), nothing else random). The programs exercise what refheap models of CPython
3.11's memory management: containers (list, dict, tuple, set) and instances of small classes,
aliases and `del`, self and mutual cycles (through list items, dict values, attributes,
closures, tuples and sets), weakrefs with callbacks, `__del__` that logs, resurrects or raises,
exceptions whose tracebacks keep frames (and their locals) alive, gc.collect() and its result,
gc.disable/enable, thresholds, freeze/unfreeze, gc.callbacks, sys.getrefcount, `is`,
gc.is_tracked, gc.get_referents, sys.getsizeof, and error paths (unhashable keys, weakrefs to
what cannot have them).

Every program is deterministic on CPython 3.11 and independent of the interpreter's start-up:

- it starts with `gc.freeze(); F0 = gc.get_freeze_count(); gc.collect()`, so generation 2 holds
  nothing when it begins (a full automatic collection then follows only what the program does),
  the free lists are empty and no earlier garbage is pending; freeze counts are printed relative
  to F0 (re-based after gc.unfreeze(), whose count includes the interpreter's own objects);
- it prints no addresses, ids or hashes, and puts no strings in sets (PYTHONHASHSEED);
- refcounts are read only of objects the program made (never of None, small ints, interned
  strings or the empty tuple, whose counts depend on the whole interpreter);
- nothing is measured across a `print` (CPython's print allocates GC objects of its own, which
  refheap need not reproduce: tests/conformance/README.md): in "log" mode (thresholds may be low,
  so collections happen automatically) every line is appended to a list that is printed at the
  end; in "print" mode the program prints as it goes but keeps the collector disabled (only
  explicit gc.collect() calls collect) and never changes thresholds;
- gc.get_referrers is never used (it sees the interpreter's own objects), and nothing is left
  for interpreter shutdown to report (the differential runners stop at the last statement).
"""
import random

CONTAINERS = ("list", "dict", "tuple", "set")


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.seed = seed
        self.lines = []  # top-level statements, each a string (possibly several lines)
        self.mode = "log" if self.r.random() < 0.6 else "print"
        self.vars = {}  # name -> kind: list dict tuple set inst:<cls> wref exc excinfo func
        # names whose value may go into a set: tuples of ints only. Instances hash by address, so
        # the order a set holds (and releases) them in would differ between implementations.
        self.hashable = set()
        self.classes = []  # (name, behaviour)
        self.callbacks = []
        self.funcs = []  # functions that raise, keeping their frame alive through the traceback
        self.counter = 0
        self.gc_enabled = self.mode == "log"
        self.low_thresholds = False
        self.freeze_base = True
        self.gc_callback = False

    # --- helpers -----------------------------------------------------------------------------
    def fresh(self, prefix="v"):
        self.counter += 1
        return f"{prefix}{self.counter}"

    def pick(self, *kinds):
        names = [n for n, k in self.vars.items() if not kinds or k in kinds or
                 (k.startswith("inst") and "inst" in kinds)]
        return self.r.choice(names) if names else None

    def emit(self, text):
        self.lines.append(text)

    def log(self, expr_fstring):
        """A statement that records one line of output (an f-string body)."""
        return f'P(f"{expr_fstring}")'

    def guarded(self, stmt, indent=""):
        """stmt inside try/except that records the exception type (error paths).

        In log mode the automatic collector is off across it (and back on if it was on), a known
        difference the generator steps around: CPython creates an exception raised by C code
        (AttributeError, KeyError, TypeError here) lazily, after the handling frame's frame object
        and traceback, when that frame normalizes it; refheap creates it (args tuple, then the
        exception) where it is raised. Same allocations, in another order, so an automatic
        collection whose threshold falls among them starts at another point (tests/conformance/
        README.md, "Known differences"). The counts after the statement agree either way."""
        body = "\n".join(indent + "    " + s for s in stmt.split("\n"))
        guarded = (f"{indent}try:\n{body}\n{indent}except Exception as ex:\n"
                   f"{indent}    P(f\"err {{type(ex).__name__}}\")")
        if self.mode != "log":
            return guarded
        return (f"{indent}E = gc.isenabled(); gc.disable()\n{guarded}\n"
                f"{indent}if E: gc.enable()")

    # --- prologue ----------------------------------------------------------------------------
    def prologue(self):
        r = self.r
        self.emit(f"# memfuzz seed {self.seed} ({self.mode} mode)\nimport gc, sys, weakref")
        self.emit("gc.freeze(); F0 = gc.get_freeze_count(); gc.collect()")
        if self.mode == "log":
            self.emit("L = []\nP = L.append")
        else:
            self.emit("gc.disable()\nP = print")
        self.emit("R = []")  # where __del__ resurrects to
        behaviours = ["plain", "log", "resurrect", "raise", "rc"]
        for i in range(r.randint(1, 4)):
            b = r.choice(behaviours)
            name = f"K{i}"
            src = [f"class {name}:"]
            if r.random() < 0.2:
                src.append("    __slots__ = ('tag', 'a', 'b', 'me', 'f', '__weakref__', '__dict__')")
            src.append("    def __init__(self, tag):\n        self.tag = tag")
            if b == "log":
                src.append(f'    def __del__(self):\n        P(f"del {name} {{self.tag}}")')
            elif b == "resurrect":
                src.append(f'    def __del__(self):\n        P(f"resurrect {name} {{self.tag}}")\n'
                           f"        R.append(self)")
            elif b == "raise":
                src.append(f'    def __del__(self):\n        P(f"raise {name} {{self.tag}}")\n'
                           f'        raise ValueError(f"del {{self.tag}}")')
            elif b == "rc":
                src.append(f'    def __del__(self):\n        P(f"del {name} {{self.tag}} rc {{sys.getrefcount(self)}}")')
            self.emit("\n".join(src))
            self.classes.append((name, b))
        for i in range(r.randint(0, 2)):
            name = f"cb{i}"
            self.emit(f'def {name}(w):\n    P(f"callback {name} {{w() is None}}")')
            self.callbacks.append(name)
        for i in range(r.randint(0, 2)):
            name = f"f{i}"
            exc = r.choice(["ValueError", "KeyError", "RuntimeError"])
            kind = r.choice(["plain", "selfref", "nested"])
            if kind == "plain":
                body = f"    held = a\n    raise {exc}('f{i}')"
            elif kind == "selfref":
                # the frame's local refers to the exception whose traceback refers to the frame
                body = (f"    held = a\n    try:\n        raise {exc}('f{i}')\n"
                        f"    except {exc} as e:\n        keep = e\n        raise")
            else:
                body = f"    held = [a]\n    def inner(x):\n        raise {exc}(x)\n    inner(held)"
            self.emit(f"def {name}(a):\n{body}")
            self.funcs.append((name, exc))
        if r.random() < 0.3:
            self.emit("def mk(o):\n    return lambda: o")
            self.funcs_closure = True
        else:
            self.funcs_closure = False
        if self.mode == "log" and r.random() < 0.3:
            self.emit("G = []\ndef gcb(phase, info):\n"
                      "    G.append(f\"{phase} {info['generation']} {info['collected']} {info['uncollectable']}\")\n"
                      "gc.callbacks.append(gcb)")
            self.gc_callback = True

    # --- operations --------------------------------------------------------------------------
    def op_new(self):
        r = self.r
        name = self.fresh()
        kind = r.choice(CONTAINERS + ("inst", "inst"))
        others = [n for n in self.vars if self.vars[n] not in ("wref",)]
        def some(k):
            return [r.choice(others) for _ in range(k)] if others else []
        hashable = False
        if kind == "list":
            items = some(r.randint(0, 3)) + [str(r.randint(0, 300))] * r.randint(0, 2)
            expr = "[" + ", ".join(items) + "]"
            if r.random() < 0.15:
                expr = f"[None] * {r.randint(0, 40)}"
        elif kind == "dict":
            items = some(r.randint(0, 3))
            expr = "{" + ", ".join(f"'k{i}': {v}" for i, v in enumerate(items)) + "}"
            if r.random() < 0.15:
                expr = f"{{i: i for i in range({r.randint(0, 20)})}}"
        elif kind == "tuple":
            items = some(r.randint(1, 3))
            if not items or r.random() < 0.3:
                items = [f"{r.randint(0, 2000)} + 1", "[]"][: r.randint(1, 2)]
            expr = "(" + ", ".join(items) + ",)"
            hashable = all(i in self.hashable or i.endswith("+ 1") for i in items)
        elif kind == "set":
            items = [i for i in some(r.randint(0, 3)) if i in self.hashable]
            items += [str(r.randint(0, 1000)) for _ in range(r.randint(0, 3))]
            expr = "{" + ", ".join(items) + "}" if items else "set()"
        else:
            cls, _ = r.choice(self.classes)
            expr = f"{cls}({self.counter})"
            kind = "inst:" + cls
        self.emit(f"{name} = {expr}")
        self.vars[name] = kind
        if hashable:
            self.hashable.add(name)

    def op_alias(self):
        src = self.pick()
        if not src:
            return
        name = self.fresh() if self.r.random() < 0.6 or len(self.vars) < 2 else self.pick()
        self.emit(f"{name} = {src}")
        self.vars[name] = self.vars[src]
        if src in self.hashable:
            self.hashable.add(name)
        else:
            self.hashable.discard(name)

    def op_del(self):
        name = self.pick()
        if not name:
            return
        self.emit(f"del {name}" if self.r.random() < 0.8 else f"{name} = None")
        del self.vars[name]
        self.hashable.discard(name)

    def op_link(self):
        """Make one object refer to another (or to itself): the edges cycles are made of."""
        r = self.r
        src = self.pick("list", "dict", "set", "inst")
        if not src:
            return
        dst = src if r.random() < 0.25 else self.pick()
        if not dst:
            return
        kind = self.vars[src]
        if kind == "list":
            self.emit(r.choice([f"{src}.append({dst})", f"{src}.insert(0, {dst})",
                                f"{src} += [{dst}]", f"{src}[:0] = [{dst}, {dst}]"]))
        elif kind == "dict":
            key = r.choice(["'a'", "'b'", str(r.randint(0, 5))])
            if (dst in self.hashable or self.vars[dst].startswith("inst")) and r.random() < 0.3:
                self.emit(f"{src}[{dst}] = {src}")
            else:
                self.emit(f"{src}[{key}] = {dst}")
        elif kind == "set":
            if dst in self.hashable:
                self.emit(f"{src}.add({dst})")
            elif self.vars[dst] in ("list", "dict", "set"):  # unhashable: the error path must not leak
                self.emit(self.guarded(f"{src}.add({dst})"))
        else:
            attr = r.choice(["a", "b", "me"])
            self.emit(f"{src}.{attr} = {dst}")

    def op_unlink(self):
        src = self.pick("list", "dict", "set", "inst")
        if not src:
            return
        kind = self.vars[src]
        if kind == "list":
            self.emit(self.r.choice([f"{src}.clear()", f"del {src}[:1]", f"{src}[:] = []"]))
        elif kind in ("dict", "set"):
            # never set.pop(): which element it takes depends on hashes, i.e. on addresses
            self.emit(f"{src}.clear()" if kind == "set" or self.r.random() < 0.7 else self.guarded(f"{src}.popitem()"))
        else:
            attr = self.r.choice(["a", "b", "me"])
            self.emit(self.guarded(f"del {src}.{attr}"))

    def op_weakref(self):
        r = self.r
        target = self.pick("inst", "set", "func") if r.random() < 0.85 else self.pick("list", "dict", "tuple")
        if not target:
            return
        cb = r.choice(self.callbacks) if self.callbacks and r.random() < 0.7 else None
        name = self.fresh("w")
        stmt = f"{name} = weakref.ref({target}{', ' + cb if cb else ''})"
        if self.vars[target] in ("list", "dict", "tuple"):
            self.emit(self.guarded(stmt))  # TypeError: cannot create weak reference
            return
        self.emit(stmt)
        self.vars[name] = "wref"

    def op_probe(self):
        """Record something observable about an object."""
        r = self.r
        name = self.pick()
        if not name:
            return
        kind = self.vars[name]
        choices = ["is", "tracked", "size", "rc", "referents"]
        if kind == "wref":
            self.emit(self.log(f"{name} dead {{{name}() is None}}"))
            if r.random() < 0.3:
                self.emit(self.log(f"{name} refs {{weakref.getweakrefcount({name}()) if {name}() is not None else 'dead'}}"))
            return
        if kind in ("list", "dict", "tuple", "set"):
            choices.append("len")
        what = r.choice(choices)
        if what == "is":
            other = self.pick() or name
            self.emit(self.log(f"{name} is {other} {{{name} is {other}}}"))
        elif what == "tracked":
            self.emit(self.log(f"{name} tracked {{gc.is_tracked({name})}}"))
        elif what == "size":
            if kind.startswith("inst") or kind in ("func", "excinfo", "exc"):
                # an instance's size is its basic size; exceptions and tuples are sized alike
                pass
            self.emit(self.log(f"{name} size {{sys.getsizeof({name})}}"))
        elif what == "rc":
            self.emit(self.log(f"{name} rc {{sys.getrefcount({name})}}"))
        elif what == "referents":
            self.emit(self.log(f"{name} referents {{len(gc.get_referents({name}))}}"))
        else:
            self.emit(self.log(f"{name} len {{len({name})}}"))

    def op_collect(self):
        gen = self.r.choice(["", "", "", "0", "1", "2"])
        self.emit(self.log(f"collect{gen} {{gc.collect({gen})}}"))
        if self.r.random() < 0.2:
            self.emit(self.log("garbage {len(gc.garbage)} R {len(R)}"))

    def op_gc_state(self):
        r = self.r
        if self.mode == "print":
            # the collector stays disabled: print's own allocations would move the counts
            choice = r.choice(["isenabled", "freeze", "unfreeze", "freezecount", "threshold"])
        else:
            choice = r.choice(["disable", "enable", "isenabled", "threshold", "set_threshold",
                               "set_threshold", "freeze", "unfreeze", "freezecount", "count"])
        if choice == "disable":
            self.emit("gc.disable()")
        elif choice == "enable":
            self.emit("gc.enable()")
        elif choice == "isenabled":
            self.emit(self.log("enabled {gc.isenabled()}"))
        elif choice == "threshold":
            self.emit(self.log("threshold {gc.get_threshold()}"))
        elif choice == "set_threshold":
            t = [r.choice([1, 2, 3, 5, 10, 50, 700]) for _ in range(r.randint(1, 3))]
            self.emit(f"gc.set_threshold({', '.join(map(str, t))})")
        elif choice == "freeze":
            if self.freeze_base:
                self.emit("gc.freeze()")
                self.emit(self.log("frozen {gc.get_freeze_count() - F0}"))
            else:
                self.emit("gc.freeze(); F0 = gc.get_freeze_count()")
                self.freeze_base = True
        elif choice == "unfreeze":
            if self.mode == "log":
                # the interpreter's objects would go back to generation 2, and with them a
                # start-up-dependent long-lived total into the next full automatic collection
                return
            self.emit("gc.unfreeze()")
            self.emit(self.log("frozen {gc.get_freeze_count()}"))
            self.freeze_base = False
        elif choice == "freezecount":
            if self.freeze_base:
                self.emit(self.log("frozen {gc.get_freeze_count() - F0}"))
        elif choice == "count":
            self.emit(self.log("count {gc.get_count()}"))

    def op_exception(self):
        r = self.r
        if not self.funcs:
            return
        f, exc = r.choice(self.funcs)
        arg = self.pick() or "None"
        name = self.fresh("e")
        how = r.choice(["exc", "excinfo", "drop", "tb"])
        if how == "exc":
            self.emit(f"try:\n    {f}({arg})\nexcept {exc} as ex:\n    {name} = ex")
            self.vars[name] = "exc"
        elif how == "excinfo":
            self.emit(f"try:\n    {f}({arg})\nexcept {exc}:\n    {name} = sys.exc_info()")
            self.vars[name] = "excinfo"
        elif how == "tb":
            self.emit(f"try:\n    {f}({arg})\nexcept {exc} as ex:\n    {name} = ex.__traceback__")
            self.vars[name] = "tb"
        else:
            self.emit(f"try:\n    {f}({arg})\nexcept {exc} as ex:\n"
                      f"    P(f\"caught {{type(ex).__name__}} {{ex.args[0] if not isinstance(ex.args[0], list) else 'list'}}\")")

    def op_closure(self):
        if not self.funcs_closure:
            return
        target = self.pick()
        if not target:
            return
        name = self.fresh("c")
        self.emit(f"{name} = mk({target})")
        self.vars[name] = "func"
        if self.r.random() < 0.5 and self.vars[target].startswith("inst"):
            self.emit(f"{target}.f = {name}")  # a cycle through a cell

    def op_loop(self):
        r = self.r
        n = r.randint(1, 30)
        if not self.classes:
            return
        cls, _ = r.choice(self.classes)
        shape = r.choice(["selfcycle", "pair", "chain", "garbage_dicts"])
        if shape == "selfcycle":
            self.emit(f"for i in range({n}):\n    x = {cls}(1000 + i)\n    x.me = x\ndel x")
        elif shape == "pair":
            self.emit(f"for i in range({n}):\n    x = {cls}(2000 + i)\n    y = [x]\n    x.a = y\ndel x, y")
        elif shape == "chain":
            name = self.fresh()
            self.emit(f"{name} = None\nfor i in range({n}):\n    {name} = [{name}]")
            self.vars[name] = "list"
        else:
            self.emit(f"for i in range({n}):\n    d1 = {{}}\n    d2 = {{'d1': d1}}\n    d1['d2'] = d2\ndel d1, d2")

    def op_scope(self):
        """A function whose locals die when it returns (fast locals, not globals)."""
        r = self.r
        if not self.classes:
            return
        name = f"s{self.counter}"
        self.counter += 1
        cls, _ = r.choice(self.classes)
        body = [f"    o = {cls}({self.counter})", "    lst = [o]", "    o.a = lst"]
        if r.random() < 0.5:
            body.append(self.log("in scope rc {sys.getrefcount(o)} {sys.getrefcount(lst)}").join(["    ", ""]))
        glob = self.pick("list")
        if glob and r.random() < 0.3:
            body.append(f"    {glob}.append(o)")
        if r.random() < 0.3:
            body.append("    return lst")
            self.emit(f"def {name}():\n" + "\n".join(body))
            res = self.fresh()
            self.emit(f"{res} = {name}()")
            self.vars[res] = "list"
        else:
            self.emit(f"def {name}():\n" + "\n".join(body))
            self.emit(f"{name}()")

    def op_resurrected(self):
        self.emit(self.log("R {len(R)}"))
        if self.r.random() < 0.5:
            self.emit("R.clear()")

    def generate(self):
        self.prologue()
        r = self.r
        ops = [(self.op_new, 8), (self.op_alias, 3), (self.op_del, 5), (self.op_link, 6),
               (self.op_unlink, 2), (self.op_weakref, 3), (self.op_probe, 6), (self.op_collect, 3),
               (self.op_gc_state, 2), (self.op_exception, 2), (self.op_closure, 1), (self.op_loop, 1),
               (self.op_scope, 1), (self.op_resurrected, 1)]
        fns = [f for f, _ in ops]
        weights = [w for _, w in ops]
        target = len(self.lines) + r.randint(5, 40)
        for _ in range(200):
            if len(self.lines) >= target:
                break
            r.choices(fns, weights)[0]()
        # the end: let everything go, collect, and show what was recorded
        for name in list(self.vars):
            if r.random() < 0.7:
                self.emit(f"del {name}")
                del self.vars[name]
        self.emit(self.log("final collect {gc.collect()}"))
        if self.gc_callback:
            self.emit("gc.callbacks.remove(gcb)")
            self.emit("P(f\"gc callbacks {G}\")")
        self.emit("R.clear()")  # resurrected objects: finalized once already, no second __del__
        if self.mode == "log":
            self.emit("gc.disable()\nfor line in L:\n    print(line)")
        return "\n".join(self.lines) + "\n"


def generate(seed):
    return Gen(seed).generate()


if __name__ == "__main__":
    import sys
    for s in sys.argv[1:]:
        print(generate(int(s)))
