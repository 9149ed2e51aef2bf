# Before the image: _thread's state (its lock, RLock, _local and _ExceptHookArgs types, the stack
# size) and functions; a lock held, an RLock entered twice, a thread-local with attributes, the
# main thread's sentinel lock (threading sets it).
import _thread
held = _thread.allocate_lock()
held.acquire()
free = _thread.allocate_lock()
rlock = _thread.RLock()
rlock.acquire()
rlock.acquire()
local = _thread._local()
local.x = 1
class Local(_thread._local):
    def __init__(self, y):
        self.y = y
sub = Local(5)
old_size = _thread.stack_size(65536)
sentinel = _thread._set_sentinel()
with free:
    pass
print(held.locked(), free.locked(), rlock._is_owned(), old_size)
