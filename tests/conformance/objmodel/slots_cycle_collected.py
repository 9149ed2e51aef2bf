# a cycle through slots is found and freed by the collector; the slot values are released
import gc, sys
class Node:
    __slots__ = ('other', 'payload', '__weakref__')
import weakref
gc.collect()
a = Node(); b = Node()
a.other = b; b.other = a
a.payload = [1, 2, 3]
r = weakref.ref(a)
payload = a.payload
before = sys.getrefcount(payload)
del a, b
print(r() is not None)
n = gc.collect()
print(n, r() is None, sys.getrefcount(payload) == before - 1)
