# Refcounts, traversal order and collection of list subclass instances: gc.get_referents gives
# the instance dict (when made), the class, then the items last to first (list_traverse).
import gc
import sys


class L(list):
    pass


base = sys.getrefcount(L)
x = object()
l = L([x, 'a', x])
print(sys.getrefcount(L) - base, sys.getrefcount(l), sys.getrefcount(x))
print(gc.get_referents(l)[1:] == [x, "a", x])
l.note = 'n'
print([type(o).__name__ for o in gc.get_referents(l)])
c = L()
c.append(c)
del c
print(gc.collect())
del l
print(sys.getrefcount(x), sys.getrefcount(L) - base)


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('free', self.name)


class D(L):
    def __del__(self):
        print('__del__', len(self))


d = D([Noisy('item 0'), Noisy('item 1')])
d.attr = Noisy('attribute')
del d
print('end')
