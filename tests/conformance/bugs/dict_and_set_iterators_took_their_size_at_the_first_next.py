# A dict's and a set's iterators keep the size the container had when they were made (di_used,
# si_used): a container that changes size before the first next() makes it raise RuntimeError.
# refheap took the size at the first next(), so the next() after the change answered silently.
for mk in (lambda d: iter(d), lambda d: iter(d.values()), lambda d: iter(d.items())):
    d = {1: 2}
    it = mk(d)
    d[3] = 4
    try:
        print(next(it))
    except RuntimeError as e:
        print('RuntimeError', e)
s = {1}
it = iter(s)
s.add(2)
try:
    print(next(it))
except RuntimeError as e:
    print('RuntimeError', e)
