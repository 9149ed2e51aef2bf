# threading.py's synchronisation on real threads: Thread/join, Lock, RLock, Condition, Event,
# Semaphore, Barrier, Timer and queue.Queue between producers and consumers (output ordered by
# joins and sorting, so it is deterministic).
import queue
import threading

results = []
rlock = threading.RLock()


def rec(k):
    with rlock:
        if k:
            rec(k - 1)
        else:
            results.append(threading.current_thread().name)


ts = [threading.Thread(target=rec, args=(5,), name='rec%d' % i) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results), [t.is_alive() for t in ts])

cond = threading.Condition()
items = []


def consumer():
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        results.append(('consumed', list(items)))


c = threading.Thread(target=consumer)
c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
c.join()
print(results[-1])

ev = threading.Event()
seen = []


def waiter(i):
    ev.wait()
    seen.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for w in ws:
    w.start()
ev.set()
for w in ws:
    w.join()
print(sorted(seen))

sem = threading.BoundedSemaphore(2)
inside = [0]
peak = [0]
guard = threading.Lock()


def limited():
    with sem:
        with guard:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        for _ in range(200):
            pass
        with guard:
            inside[0] -= 1


ls = [threading.Thread(target=limited) for _ in range(5)]
for t in ls:
    t.start()
for t in ls:
    t.join()
print('peak <= 2:', peak[0] <= 2, inside[0])

barrier = threading.Barrier(3)
order = []


def party(i):
    order.append(('before', i))
    barrier.wait()
    order.append(('after', i))


ps = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print(all(x[0] == 'before' for x in order[:3]), all(x[0] == 'after' for x in order[3:]))

fired = []
timer = threading.Timer(0.01, fired.append, args=('fired',))
timer.start()
timer.join()
cancelled = threading.Timer(10, fired.append, args=('never',))
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired)

q = queue.Queue()
got = []


def produce(base):
    for i in range(5):
        q.put(base + i)


def consume():
    while True:
        v = q.get()
        if v is None:
            break
        got.append(v)


cons = [threading.Thread(target=consume) for _ in range(2)]
prods = [threading.Thread(target=produce, args=(b,)) for b in (0, 100)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
q.put(None)
q.put(None)
for t in cons:
    t.join()
print(sorted(got))
print(threading.active_count(), threading.current_thread() is threading.main_thread())
