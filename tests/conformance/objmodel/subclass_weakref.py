# Subclasses of weakref.ref (the shape of weakref.py's KeyedRef and WeakMethod): PyWeakReference's
# 64 bytes, then the __weakref__ slot and a managed dict (basicsize 72) or __slots__; a subclass
# instance is never the shared callback-less ref and is linked after it; __new__(type, ob,
# callback, key), __init__, __call__ through super(), __callback__, equality and hash as
# weakref_richcompare and weakref_hash; subtype_traverse visits the slots, the class, then the callback.
import gc
import sys
import weakref


class R(weakref.ref):
    pass


class Keyed(weakref.ref):
    __slots__ = ('key',)

    def __new__(type, ob, callback, key):
        self = weakref.ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class Meth(weakref.ref):
    __slots__ = ('_func_ref', '_alive', '__weakref__')

    def __new__(cls, meth):
        obj, func = meth.__self__, meth.__func__
        self = weakref.ref.__new__(cls, obj, cls._gone)
        self._func_ref = weakref.ref(func)
        self._alive = True
        return self

    @staticmethod
    def _gone(wr):
        print('gone', type(wr).__name__)

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return func.__get__(obj)

    def __eq__(self, other):
        if isinstance(other, Meth):
            return weakref.ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    __hash__ = weakref.ref.__hash__


class A:
    def hello(self):
        return 'hello from A'


print(weakref.ref.__basicsize__, R.__basicsize__, R.__dictoffset__, R.__weakrefoffset__, Keyed.__basicsize__, Keyed.__dictoffset__,
      Keyed.__weakrefoffset__, Meth.__basicsize__, Meth.__weakrefoffset__)
a = A()
r = R(a)
k = Keyed(a, None, 'kk')
print(sys.getsizeof(r), sys.getsizeof(k), sys.getsizeof(weakref.ref(a)))
print(r() is a, k() is a, k.key, r is weakref.ref(a), weakref.getweakrefcount(a), gc.is_tracked(r), gc.is_tracked(k))
print(gc.get_referents(k) == ['kk', Keyed], gc.get_referents(r) == [R], r.__callback__, k.__callback__)
cb = lambda w: print('callback', type(w).__name__, w.key)
k2 = Keyed(a, cb, 'k2')
print(k2.__callback__ is cb, gc.get_referents(k2) == ['k2', Keyed, cb], sys.getrefcount(k2))
print(r == weakref.ref(a), r != weakref.ref(a), hash(r) == hash(a), k == r, {r: 1}[weakref.ref(a)])
r.x = 1
print(r.__dict__, sys.getsizeof(r), gc.get_referents(r) == [{'x': 1}, R])
basic = weakref.ref(a)
refs = weakref.getweakrefs(a)
print(len(refs), refs[0] is basic, [type(x).__name__ for x in refs])
m = Meth(a.hello)
print(m()(), m == Meth(a.hello), hash(m) == hash(a), weakref.ref(m)() is m, repr(r).startswith('<weakref at '))
try:
    r < r
except TypeError as e:
    print('TypeError:', e)
try:
    R(1)
except TypeError as e:
    print('TypeError:', e)
try:
    R()
except TypeError as e:
    print('TypeError:', e)
del basic, refs
del a
print(r(), k(), k2(), m(), r == R(A()))
print(repr(r).endswith('; dead>'))
