# A method call whose attribute comes from a non-data descriptor (or __getattr__) that itself
# calls methods: the inner LOAD_METHODs reused the interpreter's out array before the outer one
# read it, so the outer call became the inner method applied to the result
# (functools.singledispatchmethod: "descriptor 'update' for 'dict' objects doesn't apply to a
# 'function' object").
import sys


class Descr:
    def __get__(self, obj, cls=None):
        def method(*args):
            return ("called", len(args))
        d = method.__dict__
        d.update({"tag": 1})
        return method


class C:
    m = Descr()

    def __getattr__(self, name):
        parts = [name]
        parts.append("x")
        return lambda *a: "-".join(parts) + str(len(a))


c = C()
print(c.m(3), c.m(), c.m.tag)
print(c.other(1, 2))
r = c.m
print(sys.getrefcount(r), r(1, 2))
