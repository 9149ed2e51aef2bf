# Time per import of extension modules (each deleted from sys.modules and imported again): the
# cost of the route through sys.path's lib-dynload entry (docs/performance.md, session 24).
import sys, time
names = ['math', 'cmath', '_struct', 'array', 'binascii', 'zlib', '_random', '_bisect', '_heapq', 'select']
for n in names: __import__(n)
t = time.process_time()
for i in range(200):
    for n in names:
        del sys.modules[n]
        __import__(n)
dt = time.process_time() - t
print('%.1f us per import' % (dt / (200 * len(names)) * 1e6))
