"""The check the provenance programs share: who holds an object, checked on both interpreters.

check(label, obj, *names) states every holder of obj (one name per reference; the reference
check's own parameter holds is not named). It prints the same line on both interpreters when the
statement is true, and a line saying what differs when it is not:

- on refheap, refheap.holders(obj) must add up to sys.getrefcount(obj) - 1 and name exactly
  `names` (descriptions shortened: no addresses, no frame lines, no "of module '__main__'");
- on CPython 3.11, sys.getrefcount(obj) - 2 must be len(names), and every holder CPython can see
  (gc.get_referrers: containers, instances, cells, functions, tracebacks...) must be among `names`
  with the same name.

check_static(label, obj, *names) is for the statically allocated objects (None, small ints...):
on refheap the counts still add up to getrefcount - 1, the static part is named as such (the
initial count 999,999,999 of small ints; None, True and False start at 1 in CPython 3.11, the
runtime's own reference), and `names` are among the holders; CPython's count of such objects depends on everything
else, so there only the holders it can see are checked against `names`.
"""
import gc
import sys

try:
    import refheap
except ImportError:
    refheap = None

_FIELDS = {
    "function": ("__code__", "__globals__", "__name__", "__qualname__", "__defaults__", "__kwdefaults__",
                 "__doc__", "__dict__", "__closure__", "__module__", "__annotations__"),
    "method": ("__func__", "__self__"),
    "builtin_function_or_method": ("__self__",),
    "traceback": ("tb_next", "tb_frame"),
}


def _short(d):
    """A refheap holder description without addresses or frame lines."""
    d = d.replace(" of module '__main__'", "")
    if d.startswith("dict key "):
        return "dict key"
    i = d.find(" of <")
    if i >= 0:
        d = d[:i]
    i = d.find(" (<")
    if i >= 0:
        d = d[:i]
    i = d.find(" (")
    if i >= 0 and "frame of line" in d[i:]:
        d = d[:i]
    return d


def _module_named(dct):
    for name, m in list(sys.modules.items()):
        if getattr(m, "__dict__", None) is dct:
            return name
    if dct.get("__name__") == "__main__" and "check" in dct:
        return "__main__"  # the program's globals (run as exec(compile(...)), not sys.modules' __main__)
    return None


def _seen_by_cpython(obj, names):
    """Names for the references CPython's gc.get_referrers shows (None: a holder it cannot name).
    Plain loops: a comprehension would put obj in a closure cell, one more holder."""
    out = []
    for r in gc.get_referrers(obj):
        t = type(r).__name__
        if r is sys.modules:
            for k, v in list(r.items()):
                if v is obj:
                    out.append("sys.modules[%r]" % k)
        elif isinstance(r, dict):
            mod = _module_named(r)
            for k, v in list(r.items()):
                if k is obj:
                    out.append("dict key")
                if v is obj:
                    if mod == "__main__":
                        out.append("global %r" % k)
                    elif mod is not None:
                        out.append("global %r of module %r" % (k, mod))
                    else:
                        out.append("dict[%r] (value)" % (k,))
        elif isinstance(r, (list, tuple)):
            for i in range(len(r)):
                if r[i] is obj:
                    out.append("%s[%d]" % (t, i))
        elif isinstance(r, (set, frozenset)):
            out.append("set item")
        elif t == "cell":
            out.append("cell of a closure")
        elif t == "generator":
            frame = r.gi_frame
            if frame is not None:
                for k, v in frame.f_locals.items():
                    if v is obj:
                        out.append("local %r in %s()" % (k, r.gi_code.co_qualname))
        elif t == "frame":
            continue  # a finished frame kept by a traceback
        else:
            fields = _FIELDS.get(t)
            if fields is None and isinstance(r, BaseException):
                fields = ("args", "__traceback__", "__context__", "__cause__")
            if fields is None:
                # an instance: only the attribute names the statement gives are looked up (vars()
                # would change how CPython 3.11 stores them)
                fields = []
                for n in names:
                    if n.startswith("attribute ."):
                        fields.append(n[len("attribute ."):])
                prefix = "attribute ."
            else:
                prefix = ""
            found = False
            for f in fields:
                if getattr(r, f, None) is obj:
                    out.append(prefix + f)
                    found = True
            if not found:
                out.append(None)
    return out


def _cpython_differs(obj, names, count_known):
    problems = []
    if count_known:
        n = sys.getrefcount(obj) - 3  # getrefcount's argument, check's parameter, this function's
        if n != len(names):
            problems.append("%d references, %d named" % (n, len(names)))
    left = list(names)
    for s in _seen_by_cpython(obj, names):
        if s is None:
            continue
        if s in left:
            left.remove(s)
        else:
            problems.append("CPython sees %s" % s)
    return problems


def _named(holders):
    """(names, one per reference, without check's own parameter; sum of all counts; the static part)."""
    named, total, static = [], 0, 0
    own = True
    for d, n in holders:
        total += n
        if d.startswith("the initial count of a static object"):
            static += n
            continue
        s = _short(d)
        if own and s in ("local 'obj' in check()", "local 'obj' in check_static()"):
            own = False
            n -= 1
        named += [s] * n
    return named, total, static


def _report(label, names, problems):
    if problems:
        print("%s: DIFFERS: %s" % (label, "; ".join(problems)))
    else:
        print("%s: %d = %s" % (label, len(names), " + ".join(sorted(names)) if names else "nothing"))


def check(label, obj, *names):
    if refheap is None:
        _report(label, names, _cpython_differs(obj, names, True))
        return
    holders = refheap.holders(obj)
    rc = sys.getrefcount(obj) - 1
    named, total, static = _named(holders)
    problems = []
    if total != rc:
        problems.append("holders add up to %d, getrefcount - 1 is %d" % (total, rc))
    if sorted(named) != sorted(names):
        problems.append("refheap names %s" % sorted(named))
    _report(label, names, problems)


def check_static(label, obj, *names):
    problems = []
    if refheap is None:
        seen = _seen_by_cpython(obj, names)
        problems += ["CPython does not see %s" % n for n in names if n not in seen]
    else:
        holders = refheap.holders(obj)
        rc = sys.getrefcount(obj) - 1
        named, total, static = _named(holders)
        if total != rc:
            problems.append("holders add up to %d, getrefcount - 1 is %d" % (total, rc))
        base = False
        for d, n in holders:
            base = base or d.startswith("the runtime's own reference to a static object")
        if static != 999_999_999 and not base:
            problems.append("neither the initial count 999,999,999 nor the runtime's base reference is named")
        for n in names:
            if n in named:
                named.remove(n)
            else:
                problems.append("refheap does not name %s" % n)
    if problems:
        print("%s: DIFFERS: %s" % (label, "; ".join(problems)))
    else:
        print("%s: static, held by %s among others" % (label, " + ".join(sorted(names))))
