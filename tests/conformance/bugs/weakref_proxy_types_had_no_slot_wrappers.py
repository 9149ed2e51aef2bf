# weakref.ProxyType and CallableProxyType had 3 entries in their dicts (CPython 3.11: 71 and 70, the
# slot wrappers PyType_Ready makes for every number, sequence, mapping and comparison slot of the
# proxies), ReferenceType its entries out of order without __class_getitem__ and __doc__, and a
# proxy type's __lt__ called directly gave NotImplemented where the proxy compares its referent.
import weakref, sys, gc
for t in (weakref.ref, weakref.ProxyType, weakref.CallableProxyType):
    print(t.__name__, len(vars(t)), list(vars(t)), t.__basicsize__, t.__flags__, t.__doc__)
class A:
    def __init__(self, v): self.v = v
    def __add__(self, o): return self.v + o
    def __radd__(self, o): return o + self.v
    def __len__(self): return 3
    def __getitem__(self, i): return i * 2
    def __iter__(self): return iter([1, 2])
    def __neg__(self): return -self.v
    def __bool__(self): return False
    def __lt__(self, o): return True
    def __bytes__(self): return b'A'
a = A(10)
p = weakref.proxy(a)
P = type(p)
print(P.__add__(p, 1), P.__radd__(p, 2), P.__len__(p), P.__getitem__(p, 4), P.__iter__(p).__next__(), P.__neg__(p), P.__bool__(p), P.__lt__(p, 0), P.__bytes__(p))
print(p + 1, 2 + p, len(p), p[3], list(p), -p, bool(p), p < 0, P.__repr__(p)[:13], P.__getattribute__(p, 'v'), bytes(p))
P.__setattr__(p, 'w', 3); print(a.w); P.__delattr__(p, 'w'); print(hasattr(a, 'w'))
def f(*x): return x
cp = weakref.proxy(f)
print(type(cp).__call__(cp, 1, 2), cp(3), weakref.ref.__class_getitem__(int), weakref.ProxyType.__hash__, '__bytes__' in dir(cp))
r = weakref.ref(a); print(type(r).__call__(r) is a, type(r).__hash__(r) == hash(a), weakref.ref.__init__(r, a))
print(sys.getsizeof(r), gc.is_tracked(p), sys.getsizeof(p))
del a
try:
    P.__add__(p, 1)
except ReferenceError as e:
    print('ReferenceError', e)
