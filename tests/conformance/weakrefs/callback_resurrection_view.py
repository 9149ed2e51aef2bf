# If __del__ resurrects the object during refcount death, its weakrefs are not cleared and callbacks do not run.
import weakref
saved = []
calls = []
class A:
    def __del__(self):
        saved.append(self)
a = A()
w = weakref.ref(a, lambda r: calls.append('callback'))
del a
print(len(saved), w() is saved[0], calls)
saved.clear()
print(w(), calls)
