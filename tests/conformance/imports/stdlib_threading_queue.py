# threading and queue on refheap (one thread: start_new_thread is refused by name): the main
# thread object, locks, conditions, events, local, and queue's FIFO/LIFO/priority queues.
import queue
import threading

t = threading.current_thread()
print(t.name, t is threading.main_thread(), threading.active_count(), t.daemon, type(t).__name__)
lock = threading.Lock()
with lock:
    print(lock.locked())
print(lock.locked(), lock.acquire(blocking=False), lock.acquire(blocking=False))
lock.release()
r = threading.RLock()
with r:
    with r:
        print('reentrant')
cond = threading.Condition()
with cond:
    print(cond.wait(timeout=0))
ev = threading.Event()
print(ev.is_set(), ev.wait(0))
ev.set()
print(ev.is_set(), ev.wait())
loc = threading.local()
loc.x = 1
print(loc.x)

q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.qsize(), q.get(), q.get_nowait(), q.empty(), q.full())
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for i in (2, 1, 3):
    lq.put(i)
    pq.put(i)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])
try:
    q.get_nowait()
    q.get_nowait()
except queue.Empty:
    print('Empty')
sq = queue.SimpleQueue()
sq.put('a')
print(sq.get(), sq.empty())
