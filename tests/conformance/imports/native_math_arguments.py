# Every math function's argument errors (count, keywords, types) in CPython 3.11's words, and degrees/radians
# without error checks. Argument Clinic's order: the total, the positional count, then each parameter.
import math
names = sorted(n for n in dir(math) if callable(getattr(math, n)) and not n.startswith('_'))
for n in names:
    f = getattr(math, n)
    for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {'zz': 1}), (('a',), {}), (('a', 'b'), {})]:
        try:
            r = f(*args, **kw)
            print(n, 'ok', r)
        except Exception as e:
            print(n, type(e).__name__, e)
print(math.degrees(1e308), math.radians(-1e308))
