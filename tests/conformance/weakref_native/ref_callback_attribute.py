# a ref's __callback__ is its callback while the referent lives and None once it died (callback run)
import weakref
class X:
    pass
def cb(w):
    print("called with a dead ref:", w() is None, w.__callback__)
x = X()
r = weakref.ref(x, cb)
plain = weakref.ref(x)
print(r.__callback__ is cb, plain.__callback__)
del x
print(r.__callback__, r())
