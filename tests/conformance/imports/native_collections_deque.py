# _collections.deque (refheap native module): CPython 3.11's block layout and getsizeof as it grows, shrinks, rotates; referents, iterators, methods, errors, mutation during iteration, _count_elements
from _collections import deque
import sys, gc
D = deque
for n in [0, 1, 32, 33, 63, 64, 65, 100, 200]:
    d = D(range(n)); print(n, sys.getsizeof(d), d.__sizeof__(), end=' | ')
print()
d = D(); d.appendleft(1); print(sys.getsizeof(d)); d = D(maxlen=3); d.extend(range(10)); print(d, sys.getsizeof(d), repr(D([1], 5)), d.maxlen, D().maxlen)
d = D(); [d.append(i) for i in range(100)]; print(sys.getsizeof(d)); [d.appendleft(i) for i in range(100)]; print(sys.getsizeof(d), len(d))
for i in range(150): d.pop()
print(sys.getsizeof(d), len(d), list(d)[:5])
print(gc.is_tracked(D()), [type(r).__name__ for r in gc.get_referents(D([1, 'a', None]))])
it = iter(D([1])); print(type(it), sys.getsizeof(it), type(reversed(D())), sys.getsizeof(reversed(D())), [type(r).__name__ for r in gc.get_referents(it)])
d = D('abcde'); d.rotate(2); print(d); d.rotate(-3); print(d); d.rotate(); print(d); d.reverse(); print(d, list(reversed(d)))
d.insert(2, 'X'); print(d, d.index('X'), d.count('a')); d.remove('X'); print(d); del d[1]; print(d, d[0], d[-1]); d[0] = 'Z'; print(d)
print(d.pop(), d.popleft(), d, len(d), bool(d), bool(D()), 'c' in d, 'q' in d)
e = d.copy(); print(e, e == d, e is d, d + D([1]), d * 2, D([1, 2]) < D([1, 3]), D([1]) == [1])
d += [5]; print(d); d *= 2; print(d); d.extendleft('xy'); print(d); d.clear(); print(d, sys.getsizeof(d))
m = D(range(5), maxlen=3); m.appendleft(9); print(m); m.insert(0, 1) if False else None
for bad in ['D().pop()', 'D().popleft()', 'D([1])[5]', 'D([1])["a"]', 'D(maxlen=-1)', 'D([1]).remove(2)', 'D([1]).index(2)', 'hash(D())', 'D(maxlen=2, iterable=[1,2]).insert(0, 5)', 'D([1]) + [1]', 'D([1]) < [1]', 'D().append()', 'D(1)']:
    try: print(bad, eval(bad))
    except Exception as ex: print(bad, type(ex).__name__, ex)
d = D([1, 2, 3])
try:
    for x in d: d.append(x)
except RuntimeError as ex: print(ex)
r = D(); r.append(r); print(r); del r; print(gc.collect())
x = object(); print(sys.getrefcount(x)); d = D([x] * 100); print(sys.getrefcount(x)); d.rotate(7); print(sys.getrefcount(x)); d.clear(); print(sys.getrefcount(x))
from _collections import _count_elements
c = {}; _count_elements(c, 'abracadabra'); print(c)
for n in [5, 63, 64, 100, 130]:
    for k in [1, 7, -7, 40, -40, 64, -64]:
        d = deque(range(n)); d.rotate(k); a = sys.getsizeof(d)
        d.insert(3, 'x'); b = sys.getsizeof(d); del d[n // 2]; c = sys.getsizeof(d)
        print(n, k, a, b, c, list(d)[:3])
