# A dict subclass's instances: dict's PyDictObject, then the __weakref__ slot (basicsize 56),
# a managed __dict__ pre-header, always GC-tracked; with __slots__ = () nothing is added.
import gc
import sys


class D(dict):
    pass


class S(dict):
    __slots__ = ()


class W(dict):
    __slots__ = ('a', 'b')


print(sys.getsizeof({}), sys.getsizeof(D()), sys.getsizeof(S()), sys.getsizeof(W()))
print(gc.is_tracked({}), gc.is_tracked(D()), gc.is_tracked(S()), gc.is_tracked(W()))
d = D()
for i in range(6):
    d[i] = i
print(sys.getsizeof(d), len(d))
d.attr = 1
print(sys.getsizeof(d), d.__dict__)
s = S(x=1)
try:
    s.attr = 1
except AttributeError as e:
    print('AttributeError', e)
w = W(k=2)
w.a = 'A'
print(w.a, w, sys.getsizeof(w))
print(isinstance(d, dict), type(d) is D, D.__mro__, D.__bases__)
import weakref
r = weakref.ref(d)
print(r() is d)
try:
    weakref.ref(s)
except TypeError as e:
    print('TypeError', e)
del d
print(r())
