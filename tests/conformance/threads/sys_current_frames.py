# sys._current_frames(): each thread's ident to its topmost frame, newest thread first; a thread
# waiting on an Event is seen in Condition.wait; the running thread's is sys._getframe()'s frame.
import sys, threading
ev = threading.Event()
started = threading.Event()
def worker():
    started.set()
    ev.wait()
t = threading.Thread(target=worker)
t.start()
started.wait()
# started is set before the worker reaches ev.wait(): wait until it blocks in Condition.wait's
# waiter.acquire() (saved_state is bound just before it), however slowly the worker runs
import time
while 'saved_state' not in sys._current_frames()[t.ident].f_locals:
    time.sleep(0.001)
frames = sys._current_frames()
main = threading.get_ident()
print(list(frames) == [t.ident, main], type(frames).__name__)
me = frames[main]
print(me is sys._getframe(), me.f_code.co_name, type(me).__name__, me.f_lineno)
names = []
f = frames[t.ident]
while f is not None:
    names.append(f.f_code.co_name)
    f = f.f_back
print(names)
print(frames[t.ident].f_locals['self'].__class__.__name__, frames[t.ident].f_back.f_back.f_code is worker.__code__)
del frames, me, f
ev.set()
t.join()
print(list(sys._current_frames()) == [main])
def inner():
    return sys._current_frames()[threading.get_ident()].f_code.co_name
print(inner())
for bad in (lambda: sys._current_frames(1), lambda: sys._current_frames(x=1)):
    try:
        bad()
    except TypeError as e:
        print(e)
