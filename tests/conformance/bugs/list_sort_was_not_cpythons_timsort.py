# list.sort() is CPython 3.11's listsort (runs, binary insertion to minrun, powersort merging, galloping):
# refheap sorted with Java's sort, which made other __lt__ calls in another order and stopped with an internal
# error ("Comparison method violates its general contract") on inconsistent comparisons (test_sort). Checked
# here: the sequence of __lt__ calls, reverse and key sorts, inconsistent and raising comparisons, mutation.
import random
random.seed(7)
calls = []
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        calls.append((self.v, o.v))
        return self.v < o.v
    def __repr__(self): return 'K(%r)' % self.v
total = 0
for n in [0, 1, 2, 3, 5, 10, 33, 64, 65, 129, 257, 700]:
    for kind in ['random', 'sorted', 'reversed', 'few', 'sawtooth', 'runs']:
        if kind == 'random': data = [random.randrange(n * 2 + 1) for _ in range(n)]
        elif kind == 'sorted': data = list(range(n))
        elif kind == 'reversed': data = list(range(n, 0, -1))
        elif kind == 'few': data = [random.randrange(3) for _ in range(n)]
        elif kind == 'sawtooth': data = [i % 17 for i in range(n)]
        else:
            data = []
            while len(data) < n:
                r = sorted(random.randrange(1000) for _ in range(random.randrange(1, 50)))
                data.extend(r if random.random() < 0.5 else r[::-1])
            data = data[:n]
        for rev in (False, True):
            calls.clear()
            ks = [K(v) for v in data]
            ks.sort(reverse=rev)
            h = hash(tuple(calls)) 
            total += len(calls)
            assert [k.v for k in ks] == sorted(data, reverse=rev)
            print(n, kind, rev, len(calls), h & 0xffffff)
            calls.clear()
            out = sorted(data, key=K, reverse=rev)
            print(' key', len(calls), hash(tuple(calls)) & 0xffffff, out == sorted(data, reverse=rev))
print('total', total)
# inconsistent comparisons: no exception, a permutation
class R:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return random.random() < 0.5
random.seed(3)
l = [R(i) for i in range(500)]
l.sort()
print(sorted(x.v for x in l) == list(range(500)), [x.v for x in l[:20]])
# a comparison that raises midway leaves a permutation
class E:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        E.n += 1
        if E.n == 700: raise ValueError('boom')
        return self.v < o.v
l = [E(random.randrange(1000)) for _ in range(300)]
try:
    l.sort()
except ValueError as e:
    print('raised', e, [x.v for x in l[:30]])
# mutation during sort
l = [5, 3, 1]
def key(x):
    l.append(x)
    return x
try:
    l.sort(key=key)
except ValueError as e:
    print(e, l)
class M:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print('len during sort', len(lst), lst)
        return self.v < o.v
lst = [M(2), M(1)]
lst.sort()
print([m.v for m in lst])
