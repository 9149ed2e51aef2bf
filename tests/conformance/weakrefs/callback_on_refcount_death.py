# A weakref callback runs when the referent dies, receives the dead weakref, and runs after __del__.
import weakref
class A:
    def __del__(self):
        print('A.__del__')
def cb(ref):
    print('callback, referent is', ref())
a = A()
r = weakref.ref(a, cb)
print('deleting')
del a
print('after delete')
