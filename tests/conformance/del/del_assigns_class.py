# A __del__ that assigns __class__ (not resurrecting): the instance is freed as the class it has by
# then, and each class keeps the references its instances hold; weakrefs made in __del__ die quietly.
import sys, weakref

class B:
    pass

class A:
    def __del__(self):
        print('__del__ of', type(self).__name__)
        self.__class__ = B

ra, rb = sys.getrefcount(A), sys.getrefcount(B)
a = A()
print('while alive', sys.getrefcount(A) - ra, sys.getrefcount(B) - rb)
del a
print('after', sys.getrefcount(A) - ra, sys.getrefcount(B) - rb)

class C:
    def __del__(self):
        C.later = weakref.ref(self, lambda r: print('callback runs'))
        print('__del__ made a weakref')
c = C()
w = weakref.ref(c, lambda r: print('first callback runs'))
del c
print('later ref', C.later())
print('first ref', w())
