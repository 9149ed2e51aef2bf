# _tracemalloc over refheap's allocator: the sizes and counts traced per line, with the free
# lists drained first (their contents depend on what ran before the program) and every global
# bound before tracing starts (so the module dict does not grow while traced).
import sys
import _tracemalloc

HERE = sys._getframe().f_code.co_filename


class C:
    def __init__(self):
        self.a = 1
        self.b = 2


class S:
    __slots__ = ('a', 'b')


def by_line():
    result = {}
    for domain, size, frames, total in _tracemalloc._get_traces():
        filename, lineno = frames[0]
        if filename == HERE and domain == 0:
            s, n = result.get(lineno, (0, 0))
            result[lineno] = (s + size, n + 1)
    return sorted(result.items())


keep_dicts = [{} for i in range(100)]
keep_keyed = [{'k': i} for i in range(100)]
keep_lists = [[] for i in range(100)]
keep_floats = [float(i) + 0.5 for i in range(200)]
x = ds = dk = c = cs = ss = s = b = tu = st = fl = big = strs = dd = l2 = blob = None
cur = peak = cur2 = peak2 = i = line = size = count = lines = None
state = (None, None)


print(_tracemalloc.is_tracing(), _tracemalloc.get_traced_memory(), _tracemalloc._get_traces())
_tracemalloc.start()
state = (_tracemalloc.is_tracing(), _tracemalloc.get_traceback_limit())
x = [0] * 1000
ds = [{} for i in range(1000)]
dk = [{'a': i} for i in range(1000)]
c = C()
cs = [C() for i in range(100)]
ss = [S() for i in range(100)]
s = 'x' * 10000
b = bytes(5000)
tu = tuple(x)
st = set(range(100))
fl = [float(i) + 0.25 for i in range(300)]
big = [i * 1000 for i in range(2000)]
strs = [str(i) for i in range(1000)]
dd = {i: i for i in range(1000)}
l2 = []
for i in range(1000): l2.append(i)
lines = by_line()
print(state)    # printing while traced would count stdout's buffer, which refheap's stdout does not allocate
for line, (size, count) in lines:
    print(line, size, count)

print('object tracebacks')
print(_tracemalloc._get_object_traceback(x))
print(_tracemalloc._get_object_traceback(ds[10]))
print(_tracemalloc._get_object_traceback(b))
print(_tracemalloc._get_object_traceback(s))
print(_tracemalloc._get_object_traceback(c))    # None on 3.11: a managed-dict object is looked up 16 bytes before its block
print(_tracemalloc._get_object_traceback(ss[3]))
print(_tracemalloc._get_object_traceback(HERE))  # made before tracing started

print('peak')
_tracemalloc.reset_peak()    # the peak so far includes what the prints above made and freed, which refheap's stdout need not
cur, peak = _tracemalloc.get_traced_memory()
blob = bytes(100000)
del blob
cur2, peak2 = _tracemalloc.get_traced_memory()
print(peak2 - peak >= 100033, abs(cur2 - cur) < 1000)
_tracemalloc.reset_peak()
cur, peak = _tracemalloc.get_traced_memory()
print(peak - cur < 1000)

print('clear and stop')
_tracemalloc.clear_traces()
print(_tracemalloc.is_tracing(), _tracemalloc._get_object_traceback(b))
_tracemalloc.stop()
print(_tracemalloc.is_tracing(), _tracemalloc.get_traced_memory(), _tracemalloc._get_traces())
print(_tracemalloc._get_object_traceback(x))

print('frames')


def inner():
    return bytes(1000)


def outer():
    return inner()


_tracemalloc.start(2)
print(_tracemalloc.get_traceback_limit())
blob = outer()
print(_tracemalloc._get_object_traceback(blob))
_tracemalloc.start(5)    # already tracing: the limit stays
print(_tracemalloc.get_traceback_limit())
_tracemalloc.stop()
print(_tracemalloc.get_traceback_limit())
