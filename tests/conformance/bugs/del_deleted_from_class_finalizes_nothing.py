# A class whose __del__ is deleted after its instances exist: their finalization calls nothing and
# reports nothing (slot_tp_finalize finds no __del__), even when an instance has a __del__
# attribute of its own; putting __del__ back on the class (or a base) finalizes again.
import gc


class A:
    def __init__(self, x):
        self.x = x
        self.me = self

    def __del__(self):
        print('A.__del__', self.x)


a = A(1)
del a
print('collected', gc.collect() > 0)
del A.__del__
a = A(2)
a.__del__ = lambda: print('instance attribute called')
del a
print('collected', gc.collect() > 0)
b = A(3)
del b
gc.collect()
print('no finalizer ran')
A.__del__ = lambda self: print('lambda __del__', self.x)
c = A(4)
del c
gc.collect()


class B(A):
    pass


del A.__del__
d = B(5)
del d
gc.collect()
print('none for the subclass either')
B.__del__ = lambda self: print('B.__del__', self.x)
e = B(6)
del e
gc.collect()
print('end')
