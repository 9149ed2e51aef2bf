# _thread.RLock has Py_TPFLAGS_BASETYPE in CPython 3.11 (threading._CRLock is it): refheap refused
# class R(_thread.RLock). A subclass's instances extend rlockobject's 48 bytes with a managed dict,
# keep its weakref list, and are GC-tracked; repr names the subclass.
import _thread, threading, sys, gc, weakref, re
print(threading._CRLock is _thread.RLock)

class R(_thread.RLock): pass
r = R()
print(type(r).__name__, sys.getsizeof(r), gc.is_tracked(r), hex(R.__flags__))
print(R.__basicsize__, R.__itemsize__, R.__weakrefoffset__, R.__dictoffset__)
print(hex(_thread.RLock.__flags__), _thread.RLock.__basicsize__, _thread.RLock.__weakrefoffset__, _thread.RLock.__dictoffset__)
print(hasattr(r, '__dict__'), sorted(R.__dict__.keys()), R.__mro__, R.__base__)
r.x = 1
print(r.__dict__, [type(x).__name__ for x in gc.get_referents(r)])
w = weakref.ref(r)
print(w() is r, weakref.getweakrefcount(r))
print(r.acquire(), r._is_owned(), r.acquire(blocking=False), r._recursion_count())
me = threading.get_ident()
print(re.sub(r' at 0x[0-9a-f]+', ' at ADDR', repr(r)).replace('owner=%d ' % me, 'owner=ME '))
r.release(); r.release()
print(r._is_owned(), re.sub(r' at 0x[0-9a-f]+', ' at ADDR', repr(r)))
with r:
    print('in', r._is_owned())
r.acquire(); r.acquire()
state = r._release_save()
print(state[0], state[1] == me, r._is_owned())
r._acquire_restore(state)
print(r._recursion_count())
r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError', e)
print(sys.getrefcount(R))

class R2(R):
    __slots__ = ('a',)
print(sys.getsizeof(R2()), hex(R2.__flags__), R2.__basicsize__)

class R3(_thread.RLock):
    __slots__ = ()
r3 = R3()
print(sys.getsizeof(r3), hex(R3.__flags__), gc.is_tracked(r3), R3.__weakrefoffset__, R3.__dictoffset__, hasattr(r3, '__dict__'))
try:
    r3.y = 1
except AttributeError as e:
    print('AttributeError', e)

class R4(_thread.RLock):
    def __init__(self, n):
        super().__init__()
        self.n = n
    def acquire(self, *a, **k):
        print('acquire', a, k)
        return super().acquire(*a, **k)
    __enter__ = acquire
r4 = R4(5)
print(r4.n)
with r4:
    print('held', r4._is_owned())
print(r4._is_owned())

# a cycle through the instance dict is collected; the class outlives it
x = R(); x.self = x
wr = weakref.ref(x)
del x
print(wr() is not None, gc.collect() >= 1, wr())

# threading.Condition over a subclass's lock
c = threading.Condition(R())
with c:
    print(c.wait(0))

# another thread waits for the subclass's lock
lk = R()
lk.acquire()
got = []
t = threading.Thread(target=lambda: got.append(lk.acquire(timeout=5)))
t.start()
lk.release()
t.join()
print(got, lk._is_owned())

class D(_thread.RLock):
    def __del__(self):
        print('del', type(self).__name__)
d = D()
del d
import pickle
try:
    pickle.dumps(R())
except TypeError as e:
    print('TypeError', e)
del r, w, r3, r4
gc.collect()
print(sys.getrefcount(R), sys.getrefcount(_thread.RLock) > 2)
