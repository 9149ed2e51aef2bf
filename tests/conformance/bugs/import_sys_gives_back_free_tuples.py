# sys exists before a CPython program's first line; refheap makes its module at the first
# `import sys`, and sys.implementation's SimpleNamespace class and code took 1-tuples from the free
# list the program's compile had left (three fewer free than CPython's afterwards).
import _tracemalloc
import sys


def f(x):
    return x


def g(y):
    return y.real


class K:
    def m(self):
        return ('k',)


a = 'a'
t1 = t2 = t3 = t4 = t5 = t6 = t7 = t8 = t9 = t10 = t11 = t12 = t13 = t14 = t15 = t16 = None
traced = None
_tracemalloc.start()
t1 = (a,); t2 = (a,); t3 = (a,); t4 = (a,); t5 = (a,); t6 = (a,); t7 = (a,); t8 = (a,); t9 = (a,); t10 = (a,); t11 = (a,); t12 = (a,); t13 = (a,); t14 = (a,); t15 = (a,); t16 = (a,)
traced = [size for domain, size, frames, total in _tracemalloc._get_traces() if frames[0][1] == 25]
_tracemalloc.stop()
print('new 1-tuples:', len(traced), traced[:1])
print('from the free list:', 16 - len(traced))
