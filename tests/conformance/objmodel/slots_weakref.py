# weak references need '__weakref__' in __slots__; o.__weakref__ is the first weakref or None
import weakref
class N:
    __slots__ = ('a',)
class W:
    __slots__ = ('a', '__weakref__')
try:
    weakref.ref(N())
except TypeError as e:
    print(e)
w = W()
print(w.__weakref__)
r = weakref.ref(w)
print(w.__weakref__ is r)
del w
print(r())
