# Python functions called from the runtime itself (a class call's __init__, __del__ from a
# refcount's end and from the collector, __eq__/__hash__ from dict and set, __lt__ from sort,
# __getattr__, __iter__/__next__ from builtins), each called often enough to be compiled: the
# refcounts, the order and number of finalizer calls, tracebacks, sys._getframe's f_back, the
# recursion limit and exceptions handled inside the callee or passing out of it.
import gc
import sys
import traceback

log = []


class Res:
    made = 0

    def __init__(self, tag, cyc=False):
        Res.made += 1
        self.tag = tag
        if cyc:
            self.me = self

    def __del__(self):
        log.append(self.tag)


for i in range(120):
    Res(i)
print('refcount deaths', len(log), log[:3], log[-3:])
log.clear()
gc.collect()
gc.disable()
held = [Res(('c', i), True) for i in range(100)]
del held
print('collected', gc.collect())
print('finalized in order', log[:3], log[-3:], len(log))
log.clear()
gc.enable()


class Key:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v

    def __hash__(self):
        return hash(self.v) & 7

    def __lt__(self, other):
        return self.v < other.v


keys = [Key(i % 40) for i in range(200)]
d = {}
for k in keys:
    d[k] = d.get(k, 0) + 1
print('dict', len(d), sorted(d.values())[:3], sys.getrefcount(keys[0]))
print('set', len(set(keys)), [k.v for k in sorted(keys)[:5]], [k.v for k in sorted(keys)[-3:]])


class Lazy:
    def __getattr__(self, name):
        if name.startswith('bad'):
            raise AttributeError(name)
        return len(name)


lz = Lazy()
total = 0
for i in range(100):
    total += lz.abc
    total += getattr(lz, 'bad_%d' % (i % 3), 1)
print('getattr', total)


class Count:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


print('iter', sum(sum(Count(k)) for k in range(80)), list(Count(3)), sys.getrefcount(Count))


class Caller:
    def __init__(self, depth):
        f = sys._getframe()
        self.back = f.f_back.f_code.co_name
        self.line = f.f_back.f_lineno


def make_caller():
    return Caller(0)


print('f_back', {(c.back, c.line) for c in [make_caller() for i in range(70)]})


class Handles:
    def __init__(self, x):
        try:
            self.v = 10 // x
        except ZeroDivisionError:
            self.v = -1


print('handled', [Handles(i % 3).v for i in range(60)][:6])


class Fails:
    def __init__(self, x):
        if x % 7 == 3:
            raise ValueError('bad %d' % x)
        self.x = x


caught = []
for i in range(80):
    try:
        Fails(i)
    except ValueError as e:
        tb = traceback.extract_tb(e.__traceback__)
        caught.append((str(e), [(fr.name, fr.line) for fr in tb]))
print('raised', len(caught), caught[0])


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


for i in range(60):
    Deep(5)
limit = sys.getrecursionlimit()
sys.setrecursionlimit(80)
try:
    Deep(200)
except RecursionError as e:
    print('recursion', e)
sys.setrecursionlimit(limit)


class Loud:
    def __del__(self):
        if self.n % 25 == 0:
            raise KeyError(self.n)
        log.append(self.n)


def hook(u):
    print('unraisable', u.exc_type.__name__, u.exc_value, type(u.object).__name__)


sys.unraisablehook = hook
for i in range(60):
    o = Loud()
    o.n = i
    del o
sys.unraisablehook = sys.__unraisablehook__
print('loud', len(log), log[:2])

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == '__del__':
        events.append(event)
    return tracer


class Traced:
    def __del__(self):
        x = 1
        x += 1


for i in range(60):
    Traced()
sys.settrace(tracer)
Traced()
sys.settrace(None)
print('traced', events)
print('made', Res.made)

profiled = []


def profiler(frame, event, arg):
    profiled.append((frame.f_code.co_name, event, getattr(arg, '__name__', None) if event.startswith('c_') else arg))


class Profiles:
    def __init__(self, on):
        self.on = on

    def __del__(self):
        if self.on:
            sys.setprofile(profiler)
        return None


for i in range(60):
    Profiles(False)
Profiles(True)
sys.setprofile(None)
print('profiled', profiled)
