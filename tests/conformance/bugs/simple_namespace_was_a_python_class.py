# types.SimpleNamespace is CPython 3.11's static C type (_PyNamespace_Type, tp_name
# 'types.SimpleNamespace'): a tracked 24-byte object whose only field is its dict (tp_dictoffset 16,
# getsizeof 40, no weakref slot), keywords-only __init__, repr with a recursion guard, == over the
# dicts of two namespaces, unhashable, __reduce__ giving (type, (), dict). refheap made it a Python
# class (56 bytes, a managed dict and a weakref slot, __reduce__ through copyreg's _reconstructor).
import sys, gc, types, pickle, copy
N = types.SimpleNamespace
print(type(sys.implementation) is N, N.__flags__ & ~(1 << 19), N.__basicsize__, N.__itemsize__, N.__dictoffset__, N.__weakrefoffset__)
print(N.__module__, N.__name__, N.__qualname__, N.__mro__, N.__base__, N.__hash__)
print(list(vars(N)), type(N.__dict__['__dict__']).__name__, N in object.__subclasses__())
print(N.__init__, N.__eq__, N.__repr__, N.__reduce__, N.__dict__['__dict__'])
n = N(a=1, b=[2])
print(sys.getsizeof(n), gc.is_tracked(n), gc.is_tracked(N()), repr(n), str(n), n == N(a=1, b=[2]), n != N(), n == 1, n != 1)
print(n.__reduce__(), n.__reduce__()[2] is n.__dict__, gc.get_referents(n) == [n.__dict__], n.__class__)
n.n = n
print(repr(n))
del n.n
n.__dict__[1] = 'int key'
n.__dict__[''] = 'empty'
print(repr(n), vars(n))
for a, k in [((1,), {}), (({'a': 1},), {}), (([('a', 1)],), {'b': 2}), ((), {'c': 3})]:
    try:
        print(N(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
for stmt in ['N(**{1: 2})', 'N.__init__(N(), 1)', 'N.__init__(N(), **{1: 2})', 'N().x', 'del N().x', 'N().__dict__ = {}', 'hash(N())',
             'N() < N()', 'N() < 1', 'N.__init__(1)', 'N.__new__(N, 1, x=2)', 'N.__new__(int)', 'N.x = 1', 'N().__class__ = int']:
    try:
        print(stmt, repr(eval(stmt)) if not stmt.startswith(('del ', 'N().__', 'N.x')) else exec(stmt))
    except Exception as e:
        print(stmt, type(e).__name__, e)
m = N(x=1)
N.__init__(m, y=2)
print(m, N.__repr__(m), N.__eq__(m, N(x=1, y=2)), N.__eq__(m, 1))

class S(N):
    pass
class T(N):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.extra = 1
s = S(x=1)
print(repr(s), s == N(x=1), N(x=1) == s, s != N(x=2), T(q=2), S.__flags__ & ~(1 << 19), S.__basicsize__, S.__dictoffset__, S.__weakrefoffset__)
print(sys.getsizeof(s), s.__reduce__(), gc.get_referents(s) == [s.__dict__, S], hasattr(s, '__weakref__'))
try:
    hash(s)
except TypeError as e:
    print('TypeError', e)

print(pickle.loads(pickle.dumps(N(a=1))), copy.copy(N(q=1)), copy.deepcopy(N(q=[1])), pickle.loads(pickle.dumps(S(z=3))))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(N(p=proto), proto)))

# a namespace in a cycle is collected
import weakref
gc.collect()
c = N()
c.self = c
r = weakref.ref(S())
print(r())
d = S()
d.me = d
wd = weakref.ref(d)
del c, d
print(gc.collect(), wd())
print([k for k in vars(sys.implementation) if k != '_refheap'], sys.implementation.name, sys.implementation.hexversion == sys.hexversion)
