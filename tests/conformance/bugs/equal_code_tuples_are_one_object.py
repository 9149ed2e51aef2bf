# 3.11's compiler merges each code object's co_names, co_consts and locals-plus names with an equal
# tuple it has seen in the same compile (merge_const_one), constants included: equal tuples are
# one object. refheap shared equal co_consts only, and made a new co_names per code object.
import sys


def f(self):
    return self.x


def g(self):
    return self.x


def h(other):
    return other.y, ('x',)


A = ('x',)
B = ('y',)
print(f.__code__.co_names is g.__code__.co_names, f.__code__.co_names is A)
print(h.__code__.co_names is B, h.__code__.co_consts[1] is A)
print(f.__code__.co_consts is g.__code__.co_consts)
print(f.__code__.co_names == h.__code__.co_names)
print(sys.getrefcount(A) - sys.getrefcount(B))
src = "def p(a): return a.x\ndef q(a): return a.x\n"
ns = {}
exec(compile(src, '<s>', 'exec'), ns)
print(ns['p'].__code__.co_names is ns['q'].__code__.co_names, ns['p'].__code__.co_names is A)
