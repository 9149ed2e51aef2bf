# A weakref whose referent waits on the trashcan (refcount 0, deep in a chain being released)
# gives None to a callback that runs meanwhile (CPython's test_trashcan_16602): no crash.
import weakref, gc
class C:
    def __init__(self, parent):
        if not parent:
            return
        wself = weakref.ref(self)
        def cb(wparent):
            o = wself()
        self.wparent = weakref.ref(parent, cb)

d = weakref.WeakKeyDictionary()
root = c = C(None)
for n in range(100):
    d[c] = c = C(c)
del root
gc.collect()
print('done', len(d))
