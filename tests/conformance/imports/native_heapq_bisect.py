# _heapq and _bisect (refheap native modules): heap operations (min and max, heapify's cache-friendly order past 2500 items), refcounts, a comparison that resizes the list; bisect/insort with lo, hi, key; heapq.py and bisect.py take them
import _heapq as H, _bisect as B, sys
import _random
r = _random.Random(12)
data = [int(r.random() * 1000) for _ in range(200)]
h = []
for x in data: H.heappush(h, x)
print(h[:10], [H.heappop(h) for _ in range(10)], len(h))
h2 = list(data); H.heapify(h2); print(h2[:12])
big = [int(r.random() * 100000) for _ in range(6000)]; H.heapify(big); print(big[:8], big[2999:3003])
big2 = list(big); H._heapify_max(big2); print(big2[:6], H._heappop_max(big2), H._heapreplace_max(big2, -1), big2[:4])
print(H.heapreplace(h2, 5000), h2[:3], H.heappushpop(h2, -1), H.heappushpop(h2, 10**6), h2[:3], H.heappushpop([], 3))
x = object(); l = []; c0 = sys.getrefcount(x); H.heappush(l, x); print(sys.getrefcount(x) - c0); y = H.heappop(l); print(sys.getrefcount(x) - c0); del y; print(sys.getrefcount(x) - c0)
class Bad:
    def __init__(s, v, l): s.v, s.l = v, l
    def __lt__(s, o):
        s.l.append(0)
        return s.v < o.v
bl = []; bl.append(Bad(2, bl)); bl.append(Bad(1, bl))
try: H.heapify(bl)
except RuntimeError as e: print(e)
for bad in ['H.heappush([])', 'H.heappop()', 'H.heappop(1)', 'H.heappush(1, 2)', 'H.heappop([])', 'H.heapify(x=[])', 'H.heappushpop([], 1, 2)', 'H.heapreplace([], 1)', 'H.heappush([1], "a")']:
    try: print(bad, eval(bad))
    except Exception as e: print(bad, type(e).__name__, e)
a = [1, 2, 2, 2, 3, 5, 8]
print(B.bisect_left(a, 2), B.bisect_right(a, 2), B.bisect_left(a, 2, 2), B.bisect_right(a, 2, 0, 3), B.bisect_left(a, 4, hi=None), B.bisect_right(a, 0), B.bisect_left(a, 9))
recs = [('a', 1), ('b', 3), ('c', 7)]
print(B.bisect_left(recs, 3, key=lambda t: t[1]), B.bisect_right(recs, 3, key=lambda t: t[1]))
B.insort_left(a, 4); B.insort_right(a, 2); B.insort(a, 0) if hasattr(B, 'insort') else None; print(a)
B.insort_right(recs, ('z', 5), key=lambda t: t[1]); print(recs)
print(B.bisect_right((1, 3, 5), 4), B.bisect_left('acegi', 'd'), B.bisect_left(range(0, 100, 5), 42))
for bad in ['B.bisect_left(a, 1, -1)', 'B.bisect_left(1, 1)', 'B.bisect_left(a)', 'B.bisect_left(a, 1, x=2)', 'B.insort_left((1, 2), 1)', 'B.bisect_left(a, "x")', 'B.bisect_right(a, 1, 0, 100)']:
    try: print(bad, eval(bad))
    except Exception as e: print(bad, type(e).__name__, e)
import heapq, bisect
print(heapq.heappush is H.heappush, bisect.bisect_left is B.bisect_left, bisect.bisect is B.bisect_right, heapq.nsmallest(3, data), heapq.nlargest(2, data))
