# itertools.pairwise whose source's __next__ calls the same pairwise again (test_itertools'
# test_pairwise_reenter and _reenter2): the fields the re-entrant call changed are read again, and
# the iterator is held across the call (it was borrowed: refheap stopped with an internal refcount error).
import sys
from itertools import pairwise

def check(reenter_at):
    class I:
        count = 0
        def __iter__(self):
            return self
        def __next__(self):
            self.count += 1
            if self.count in reenter_at:
                return next(it)
            return [self.count]
    it = pairwise(I())
    print(sorted(reenter_at), [next(it) for _ in range(3)])

for r in ({1}, {2}, {3}, {1, 2}, {1, 3}, {1, 4}, {2, 3}):
    check(r)

def check2(maxcount):
    class I:
        count = 0
        def __iter__(self):
            return self
        def __next__(self):
            if self.count >= maxcount:
                raise StopIteration
            self.count += 1
            if self.count == 1:
                return next(it, None)
            return [self.count]
    it = pairwise(I())
    print(maxcount, list(it))

for m in range(1, 7):
    check2(m)

class Boom:
    n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n == 3:
            raise ValueError('boom')
        return self.n
src = Boom()
p = pairwise(src)
print(next(p))
try:
    next(p)
except ValueError as e:
    print('ValueError', e)
print(list(p), sys.getrefcount(src))
