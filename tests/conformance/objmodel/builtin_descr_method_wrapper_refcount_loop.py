# method-wrappers made in a loop are freed each time: the object's refcount comes back
import sys, gc
l = [1, 2, 3]
before = sys.getrefcount(l)
for _ in range(100):
    n = l.__len__()
    w = l.__iter__
print(sys.getrefcount(l) - before, n)
del w
print(sys.getrefcount(l) - before)
