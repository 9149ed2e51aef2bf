# Two weakrefs whose referents are alive compare the referents (weakref_richcompare); refheap
# compared the refs by identity. A dead ref is equal only to itself; ordering is unsupported.
import weakref


class A:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, A) and self.k == other.k

    __hash__ = object.__hash__


a1, a2, a3 = A(1), A(1), A(2)
r1, r2, r3 = weakref.ref(a1), weakref.ref(a2, lambda w: None), weakref.ref(a3)
print(r1 == r2, r1 != r2, r1 == r3, r1 != r3, r1 == a1, weakref.ref.__eq__(r1, r2), weakref.ref.__eq__(r1, 5))
print(r1 in [r2], [r1] == [r2], {r1: 'x'}.get(r2), weakref.ref.__hash__(r1) == hash(a1))
try:
    r1 < r2
except TypeError as e:
    print('TypeError:', e)
del a2
print(r2() is None, r1 == r2, r2 == r2, r1 != r2)
