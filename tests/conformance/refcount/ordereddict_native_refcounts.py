# collections.OrderedDict is _collections' C type: refcounts of its keys (each node owns one) and
# of the dict (its iterators and views own one), gc.get_referents (the instance dict, the nodes'
# keys, then dict's traversal), tracking, and the collector's count0 around its operations.
import gc
import sys
from collections import OrderedDict

k = 'key%d' % 5
v = ['value']
od = OrderedDict([(k, v)])
print(sys.getrefcount(k), sys.getrefcount(v), sys.getrefcount(od))
ks = od.keys()
it = iter(od)
print(sys.getrefcount(od), sys.getrefcount(k), gc.get_referents(ks) == [od], len(gc.get_referents(it)))
print(gc.is_tracked(ks), gc.is_tracked(it), gc.is_tracked(OrderedDict()), gc.is_tracked(OrderedDict(a=1)))
del it, ks
print(sys.getrefcount(od), sys.getrefcount(k))
it = iter(od.items())
r = next(it)
print(r, sys.getrefcount(r), gc.get_referents(it)[0] is od, len(gc.get_referents(it)))
del r
print(next(it, None), gc.get_referents(it))
del it
od.move_to_end(k)
print(sys.getrefcount(k))
del od[k]
print(sys.getrefcount(k), sys.getrefcount(v))
print(gc.get_referents(OrderedDict(a=1)), gc.get_referents(OrderedDict()))
o = OrderedDict()
o.x = 1
print(gc.get_referents(o))
o = OrderedDict(b=[2])
o.x = 1
print(sorted(map(repr, gc.get_referents(o))))
gc.collect()
cyc = OrderedDict()
cyc['me'] = cyc
cyc.attr = [cyc]
del cyc
print(gc.collect())
gc.disable()


def delta(label, f):
    a = gc.get_count()[0]
    r = f()
    b = gc.get_count()[0]
    del r
    print(label, b - a, gc.get_count()[0] - a)


o = OrderedDict.fromkeys('abcdef')
delta('new', lambda: OrderedDict())
delta('kw', lambda: OrderedDict(a=1, b=2))
delta('pairs', lambda: OrderedDict([(1, 2), (3, 4)]))
delta('dict', lambda: OrderedDict({1: 2, 3: 4}))
delta('fromkeys', lambda: OrderedDict.fromkeys('abc'))
delta('iter', lambda: iter(o))
delta('items_iter', lambda: iter(o.items()))
delta('list_items', lambda: list(o.items()))
delta('list', lambda: list(o))
delta('keys', lambda: o.keys())
delta('repr', lambda: repr(o))
delta('copy', lambda: o.copy())
delta('eq', lambda: o == o.copy())
delta('or', lambda: o | {'z': 1})
delta('popitem', lambda: OrderedDict(a=1).popitem())
delta('setitem', lambda: o.__setitem__('q', 1))
delta('move', lambda: o.move_to_end('a'))
delta('update', lambda: o.update([('x', 1)], y=2))
delta('sizeof', lambda: sys.getsizeof(o))
delta('reversed', lambda: list(reversed(o.items())))
delta('itreduce', lambda: iter(o).__reduce__())
gc.enable()
