# _thread.start_new_thread with real threads under one interpreter lock: arguments (positional and
# keyword), the references the started thread holds, counters under a lock, idents, _count, and a
# join through a lock the thread releases.
import _thread
import sys

lock = _thread.allocate_lock()
counter = [0]
idents = []
finished = []


def work(n, name, *, done):
    idents.append(_thread.get_ident())
    for _ in range(n):
        with lock:
            counter[0] += 1
    finished.append(name)
    done.release()


class Payload:
    pass


arg = Payload()
print('before', sys.getrefcount(arg))
dones = []
for i in range(3):
    d = _thread.allocate_lock()
    d.acquire()
    dones.append(d)
    _thread.start_new_thread(work, (2000, 'w%d' % i), {'done': d})
for d in dones:
    d.acquire()
print(counter[0], sorted(finished))
print(len(set(idents)), _thread.get_ident() not in idents)

# the thread's arguments are released when its function returns (thread_bootstate_free)
gate = _thread.allocate_lock()
gate.acquire()
out = _thread.allocate_lock()
out.acquire()


def hold(x, gate, out):
    gate.acquire()
    print('in the thread', sys.getrefcount(x))
    out.release()


_thread.start_new_thread(hold, (arg, gate, out))
gate.release()
out.acquire()
while _thread._count():
    pass
print('after', sys.getrefcount(arg))

try:
    _thread.start_new_thread(1, ())
except TypeError as e:
    print('TypeError', e)
try:
    _thread.start_new_thread(print, [])
except TypeError as e:
    print('TypeError', e)
try:
    _thread.start_new_thread(print, (), [])
except TypeError as e:
    print('TypeError', e)
try:
    _thread.start_new_thread(print)
except TypeError as e:
    print('TypeError', e)
