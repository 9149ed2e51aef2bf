# In a collected cycle every __del__ runs (in the order the collector found them) before any object is cleared.
import gc
gc.collect()
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('finalize', self.n, 'peer', self.peer.n)
a = A(1)
b = A(2)
c = A(3)
a.peer = b
b.peer = c
c.peer = a
del a, b, c
print('collect')
print(gc.collect())
