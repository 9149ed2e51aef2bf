# weakref's __call__ slot wrapper
import weakref
class C: pass
c = C()
r = weakref.ref(c)
print(type(r).__call__(r) is c, r.__call__() is c, type(type(r).__call__).__name__)
del c
print(r.__call__())
