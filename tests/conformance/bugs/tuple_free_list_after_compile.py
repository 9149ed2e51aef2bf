# The free 1-tuples a program's first statements find are those its own compile() left: 3.11's
# compile() makes the _ast classes on its first call (PyAST_Check), which takes every free 1-tuple,
# then releases its const cache at the end, whose keys for 1-element tuples (co_names, co_consts,
# co_varnames of one name: ('x',), ('y',)...) are 1-tuples. refheap made no such keys, so its
# programs started with no free 1-tuple where CPython's had several (tracemalloc traced a
# 1-tuple packed for a type call that CPython took from its free list).
import _tracemalloc


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
traced = [size for domain, size, frames, total in _tracemalloc._get_traces() if frames[0][1] == 27]
_tracemalloc.stop()
print('new 1-tuples:', len(traced), traced[:1])
print('from the free list:', 16 - len(traced))
