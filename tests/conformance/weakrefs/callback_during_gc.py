# In a collected cycle, weakrefs are cleared and their callbacks run before any __del__.
import gc, weakref
gc.collect()
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('__del__', self.n)
a = A(1)
b = A(2)
a.peer = b
b.peer = a
ra = weakref.ref(a, lambda r: print('callback a, referent', r()))
rb = weakref.ref(b, lambda r: print('callback b, referent', r()))
del a, b
print('collect')
print(gc.collect())
print(ra(), rb())
