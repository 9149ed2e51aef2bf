# _random (refheap native module): Mersenne Twister sequences as CPython 3.11 seeds them (ints by absolute value in 32-bit words, others by hash), getrandbits, state round trip, layout, errors
import _random, sys, gc
R = _random.Random
r = R(5)
print(sys.getsizeof(r), gc.is_tracked(r), gc.get_referents(r), R.__module__, R, type(r))
print(r.random(), r.getrandbits(5), r.getrandbits(70), len(r.getstate()), r.getstate()[-1], r.getrandbits(0), r.getrandbits(32), r.getrandbits(33))
for s in [0, 1, -5, 2**40, 2**100 + 7, 3.5, True, 10**200]:
    r = R(s); print(repr(s)[:20], r.random(), r.getrandbits(32), [r.random() for _ in range(3)][-1])
r = R(42); xs = [r.random() for _ in range(2000)]; print(xs[623], xs[624], xs[1999], sum(xs))
st = r.getstate(); a = r.random(); r.setstate(st); print(a == r.random(), st[-1])
r.seed(7); print(r.random()); r.seed(); r2 = R(); print(type(r2.random()))
for bad in ['R(1, 2)', 'R(x=1)', 'R().getrandbits(-1)', 'R().setstate(1)', 'R().setstate((1,))', 'R().setstate((0,)*624 + (625,))', 'R().seed(1, 2)', 'R().random(1)', 'R([])', 'R().getrandbits(2**40)']:
    try: print(bad, eval(bad))
    except Exception as e: print(bad, type(e).__name__, e)
t = sys.getrefcount(R); x = R(1); print(sys.getrefcount(R) - t); del x; print(sys.getrefcount(R) - t)
