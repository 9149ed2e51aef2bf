# _testcapi.without_gc takes Py_TPFLAGS_HAVE_GC off a class: its instances have no GC head, are
# never tracked, never seen by the collector, and their __del__ runs at every death (no
# "finalized" bit), resurrecting them each time if it wants.
import gc, sys
import _testcapi

gc.collect()
survivors = []
calls = []

@_testcapi.without_gc
class NonGC:
    __slots__ = ()
    keep = False
    def __del__(self):
        calls.append(sys.getrefcount(self))
        if self.keep:
            survivors.append(self)

class WithGC:
    __slots__ = ()

print(NonGC.__flags__ & (1 << 14), WithGC.__flags__ & (1 << 14))
n = NonGC()
print(gc.is_tracked(n), sys.getsizeof(n), sys.getsizeof(WithGC()), gc.is_tracked(WithGC()))
print(gc.get_referents(n), n in gc.get_objects(), gc.is_finalized(n))
before = gc.get_count()[0]
objs = [NonGC() for i in range(5)]
print(gc.get_count()[0] - before)  # only the list counts
del objs
del n
print(calls)

calls.clear()
NonGC.keep = True
n = NonGC()
idn = id(n)
del n
print(calls, len(survivors), id(survivors[0]) == idn, gc.is_tracked(survivors[0]))
survivors.clear()
print(calls, len(survivors))
NonGC.keep = False
survivors.clear()
print(calls, len(survivors))

# a subclass is a GC class again
class Sub(NonGC):
    pass
print(gc.is_tracked(Sub()), Sub.__flags__ & (1 << 14))

for f in (lambda: _testcapi.without_gc(int), lambda: _testcapi.without_gc(), lambda: _testcapi.without_gc(3)):
    try:
        f()
    except TypeError as e:
        print(e)
