# CPython's Lib/tracemalloc.py over refheap's _tracemalloc: snapshots, statistics by line and by
# traceback, compare_to, get_object_traceback, peaks. The free lists are drained and the globals
# bound before tracing starts (both depend on what ran before the program); nothing is printed
# while a measured part is traced (CPython's stdout buffers a pipe's output in bytes objects).
import gc
import sys
import tracemalloc

HERE = sys._getframe().f_code.co_filename


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make_points(n):
    return [Point(i, -i) for i in range(n)]


MAKE_LINE = make_points.__code__.co_firstlineno + 1  # the comprehension's line


def mine(stats):
    return [s for s in stats if s.traceback[0].filename == HERE]


gc.collect()  # an automatic collection's timing depends on what ran before the program too
keep_dicts = [{} for i in range(100)]
keep_keyed = [{'k': i} for i in range(100)]
keep_lists = [[] for i in range(100)]
keep_floats = [float(i) + 0.5 for i in range(200)]
zeros = dicts = pts = blob = snap1 = snap2 = snap3 = stats = diff = tb = None
cur = peak = cur2 = peak2 = limit = frames = None

tracemalloc.start(4)
zeros = [0] * 1000
dicts = [{'n': i} for i in range(1000)]
snap1 = tracemalloc.take_snapshot()
pts = make_points(500)
snap2 = tracemalloc.take_snapshot()
limit = tracemalloc.get_traceback_limit()
tb = tracemalloc.get_object_traceback(zeros)
frames = tracemalloc.get_object_traceback(dicts[7])
tracemalloc.reset_peak()
cur, peak = tracemalloc.get_traced_memory()
blob = bytes(200000)
del blob
cur2, peak2 = tracemalloc.get_traced_memory()
tracemalloc.stop()

print(limit, tracemalloc.is_tracing())
print('by line')
for s in mine(snap1.statistics('lineno')):
    print(s.traceback[0].lineno, s.size, s.count)
print('by line, second snapshot')
for s in mine(snap2.statistics('lineno')):
    print(s.traceback[0].lineno, s.size, s.count)
print('compare_to')
for s in mine(snap2.compare_to(snap1, 'lineno')):
    if s.size_diff or s.count_diff:
        print(s.traceback[0].lineno, s.size, s.size_diff, s.count, s.count_diff)
print('by traceback')
for s in snap2.statistics('traceback'):
    if s.traceback[-1].filename == HERE and s.traceback[-1].lineno == MAKE_LINE:
        print([f.lineno for f in s.traceback if f.filename == HERE], s.size, s.count)
print('object tracebacks')
print([f.lineno for f in tb if f.filename == HERE], tb.total_nframe)
print(frames[-1].lineno, frames.format(limit=1)[1].strip())
print('peak', peak2 - peak >= 200033, abs(cur2 - cur) < 1000)
print('filters')
snap3 = snap2.filter_traces([tracemalloc.Filter(True, HERE, lineno=MAKE_LINE)])
print([(s.traceback[0].lineno, s.size, s.count) for s in snap3.statistics('lineno')])
print(len(snap2.filter_traces([tracemalloc.Filter(False, HERE)]).traces) < len(snap2.traces))
print(str(mine(snap1.statistics('lineno'))[0]).replace(HERE, 'HERE'))
