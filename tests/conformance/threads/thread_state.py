# Per-thread state: threading.local (3.11's dummies in each thread state's dict, released when the
# thread ends, so the values a thread stored die with it), sys.exc_info, contextvars, recursion.
import contextvars
import gc
import sys
import threading


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name)


loc = threading.local()
loc.value = Noisy('main value')


def worker():
    print('worker sees value:', hasattr(loc, 'value'))
    loc.value = Noisy('thread value')
    print('worker set', loc.value.name)


t = threading.Thread(target=worker)
t.start()
t.join()
print('joined; main value', loc.value.name)

var = contextvars.ContextVar('var', default='default')
var.set('main')
seen = []


def ctx():
    seen.append(var.get())
    var.set('thread')
    seen.append(var.get())


t = threading.Thread(target=ctx)
t.start()
t.join()
print(seen, var.get())

excs = []


def exc_worker():
    excs.append(sys.exc_info()[0])
    try:
        raise KeyError('k')
    except KeyError:
        excs.append(sys.exc_info()[0].__name__)


try:
    raise ValueError('v')
except ValueError:
    t = threading.Thread(target=exc_worker)
    t.start()
    t.join()
    print(excs, sys.exc_info()[0].__name__)


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


depth = []
t = threading.Thread(target=lambda: depth.append(deep(900)))
t.start()
t.join()
print(depth)

# a cycle made on a thread is collected by a collection on the main thread, its __del__ running there
def make_cycle():
    a = Noisy('cycle')
    a.me = a


t = threading.Thread(target=make_cycle)
t.start()
t.join()
print('collected', gc.collect() > 0)
