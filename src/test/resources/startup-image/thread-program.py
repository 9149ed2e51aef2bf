# After the image: the locks, the thread-locals, the stack size and _thread's functions work on the adopted heap.
import _thread, sys
print(held.locked(), held.acquire(False), free.acquire(False), free.locked(), rlock._recursion_count(), rlock._is_owned())
held.release()
free.release()
rlock.release()
rlock.release()
print(held.locked(), free.locked(), rlock._is_owned(), repr(held)[:20], repr(rlock)[:27])
print(local.x, sub.y, type(sub).__name__, isinstance(sub, _thread._local), local.__dict__)
local.z = 2
del local.x
print(local.__dict__, Local(7).y)
print(_thread.stack_size(), _thread.stack_size(0), _thread.get_ident() == _thread.get_ident(), _thread._count(), _thread.TIMEOUT_MAX > 0)
print(sentinel.locked(), type(sentinel) is _thread.LockType, type(_thread.allocate()).__name__)
r = _thread.RLock()
with r:
    print(r._recursion_count())
class Worker:
    name = 'worker'
args = _thread._ExceptHookArgs((ValueError, ValueError('bad'), None, Worker()))
sys.stderr = sys.stdout
_thread._excepthook(args)
sys.stderr = sys.__stderr__
for f, a in ((_thread.allocate_lock, (1,)), (_thread.stack_size, (5,)), (_thread.start_new_thread, (1, ())), (_thread.get_ident, (1,)),
             (_thread._excepthook, (1,)), (held.acquire, (1, 2, 3)), (_thread.exit, ())):
    try:
        f(*a)
    except BaseException as e:
        print(type(e).__name__, e)
import gc, weakref
gone = weakref.ref(sub)
del local, sub
gc.collect()
print(gone(), len([o for o in gc.get_objects() if isinstance(o, _thread._local)]))
