# select.poll and select.select over pipes: registration, event masks, readiness after writes,
# hang-up at close, the errors of unregistered and closed descriptors; the poll object's layout
import gc
import os
import select
import sys

r, w = os.pipe()
names = {r: 'r', w: 'w'}
def show(events):
    return sorted((names[fd], ev) for fd, ev in events)
p = select.poll()
print(type(p).__module__, type(p).__name__, sys.getsizeof(p), gc.is_tracked(p), gc.get_referents(p))
p.register(r, select.POLLIN)
p.register(w)
print(show(p.poll(0)))
os.write(w, b'data')
print(show(p.poll(0)))
p.modify(w, 0)
print(show(p.poll(10)))
os.read(r, 100)
print(show(p.poll(0.5)))
p.unregister(w)
try:
    p.unregister(w)
except KeyError as e:
    print('KeyError', e.args[0] == w)
try:
    p.modify(w, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    p.register(-1)
except ValueError as e:
    print(e)
try:
    p.register('x')
except TypeError as e:
    print(e)
class F:
    def fileno(self):
        return w
f = F()
print(select.select([r], [f], [], 0) == ([], [f], []))
os.write(w, b'x')
print(select.select([r], [], [], None) == ([r], [], []))
print(select.select([], [], [], 0.01))
try:
    select.select([], [], [], -1)
except ValueError as e:
    print(e)
os.close(w)
print(show(p.poll(None)))
os.read(r, 10)
print(select.select([r], [], [], 0)[0] == [r])
os.close(r)
try:
    select.select([r], [], [], 0)
except OSError as e:
    print(type(e).__name__, e.errno)
print(show(p.poll(0)))
print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLNVAL, select.PIPE_BUF)
import selectors
print(selectors.DefaultSelector.__name__ in ('PollSelector', 'EpollSelector'))
