# types.SimpleNamespace: a namespace that contains itself prints '...' (Py_ReprEnter) instead of
# recursing until RecursionError; a subclass prints its own name; == asks the real type, not an
# overridden __class__; only str keys show.
import types

ns1 = types.SimpleNamespace(a=1)
ns2 = types.SimpleNamespace(b=ns1)
ns1.c = ns2
print(repr(ns1))
print(repr(ns2))


class Sub(types.SimpleNamespace):
    pass


s = Sub(x=1)
s.me = s
s.__dict__[3] = 4
print(repr(s))


class FakeSimpleNamespace(str):
    __class__ = types.SimpleNamespace


print(types.SimpleNamespace() == FakeSimpleNamespace(), types.SimpleNamespace() != FakeSimpleNamespace())
print(types.SimpleNamespace(a=1) == Sub(a=1))
