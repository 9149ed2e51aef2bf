# _thread (refheap native module): lock and RLock (heap-type layouts, sizes, tracking, referents), acquire's blocking/timeout rules as one thread sees them, release errors, context managers, module functions
import _thread, sys, gc, time
l = _thread.allocate_lock(); r = _thread.RLock()
for o in (l, r):
    t = type(o)
    print(t, t.__module__, t.__qualname__, sys.getsizeof(o), gc.is_tracked(o), gc.get_referents(o) == [t])
print(_thread.LockType is type(l), _thread.error is RuntimeError, _thread.TIMEOUT_MAX, _thread._count())
print(repr(l).split(' at ')[0], repr(r).split(' at ')[0])
print(l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0), l.acquire(blocking=0), repr(l).split(' at ')[0])
t0 = time.monotonic(); print(l.acquire(True, 0.05), time.monotonic() - t0 >= 0.05)
print(l.release(), l.locked(), l.acquire(blocking=2, timeout=0), l.release_lock(), l.acquire_lock(), l.locked_lock(), l._at_fork_reinit(), l.locked())
for args, kw in [((False, 1), {}), ((True, -2), {}), ((True, 1e12), {}), ((True, 'x'), {}), ((1, 2, 3), {}), ((), {'x': 1}),
                 ((), {'blocking': []}), ((1.5,), {}), ((True, float('nan')), {}), ((), {'timeout': -1.0}), ((), {'timeout': -1})]:
    try: print(l.acquire(*args, **kw), l.release())
    except Exception as e: print(args, kw, type(e).__name__, e)
for bad in ['l.release()', 'l.release(1)', 'l.locked(1)', '_thread.allocate_lock(1)', '_thread.LockType()', 'r.release()', 'r._release_save()',
            'r.release(1)', 'r._acquire_restore(1)', 'r._acquire_restore((1,))', '_thread.stack_size(100)', '_thread.stack_size(-1)',
            '_thread.interrupt_main(99)', '_thread.interrupt_main(0)', '_thread.get_ident(1)']:
    try: exec(bad); print(bad, 'ok')
    except Exception as e: print(bad, type(e).__name__, e)
with l: print('inside', l.locked())
print('after', l.locked(), l.__enter__(), l.__exit__(1, 2, 3), l.locked())
print(r.acquire(), r.acquire(), r._recursion_count(), r._is_owned(), repr(r).split(' owner=')[0], repr(r).split(' count=')[1].split(' at ')[0])
s = r._release_save(); print(type(s), len(s), s[0], s[1] == _thread.get_ident(), r._is_owned(), r._recursion_count(), repr(r).split(' at ')[0])
print(r._acquire_restore(s), r._recursion_count(), r.acquire(False), r.acquire(True, 0), r._recursion_count())
print(r.release(), r.release(), r.release(), r._recursion_count(), r._is_owned(), r.release(), repr(r).split(' at ')[0])
with r:
    with r: print('nested', r._recursion_count())
print(r._is_owned(), _thread.RLock(1, 2, x=3)._is_owned())
print(_thread.stack_size(40000), _thread.stack_size(), _thread.stack_size(0), _thread.get_ident() == _thread.get_ident(), type(_thread.get_native_id()))
print(_thread.interrupt_main(15))
try: _thread.interrupt_main()
except KeyboardInterrupt as e: print('KeyboardInterrupt', repr(e))
try: _thread.exit()
except SystemExit as e: print('SystemExit', e.args)
print(repr(_thread._set_sentinel()).split(' at ')[0], _thread.allocate is not None, _thread.start_new is not None)
# refcounts and collection: a lock in a cycle is collected; its weakref dies with it
import weakref
class Holder: pass
h = Holder(); h.lock = _thread.allocate_lock(); h.me = h; w = weakref.ref(h.lock); rc = sys.getrefcount(h.lock)
gc.collect(); del h; print(rc, w() is not None, gc.collect() >= 2, w())
h = Holder(); h.rlock = _thread.RLock(); h.rlock.acquire(); h.me = h; w = weakref.ref(h.rlock)
del h; print(gc.collect() >= 2, w())
# _ExceptHookArgs (a struct sequence) and _excepthook's report on sys.stderr
A = _thread._ExceptHookArgs
a = A((1, 2, 3, 4)); print(type(a), a, len(a), A.n_fields, a.exc_type, a.thread, sys.getsizeof(a), gc.is_tracked(a))
try: A((1, 2))
except TypeError as e: print('TypeError', e)
class T: name = 'worker'
try: raise ValueError('boom')
except ValueError as e: err = e
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): self.parts.append('<flush>')
w = W(); saved = sys.stderr; sys.stderr = w
try: _thread._excepthook(A((ValueError, err, err.__traceback__, T()))); _thread._excepthook(A((KeyError, KeyError('k'), None, None)))
finally: sys.stderr = saved
print(''.join(w.parts).replace(str(_thread.get_ident()), 'IDENT'))
print(_thread._excepthook(A((SystemExit, SystemExit(), None, None))))
for bad in ['_thread._excepthook((1, 2, 3, 4))', '_thread._excepthook()']:
    try: exec(bad)
    except TypeError as e: print(bad, 'TypeError', e)
