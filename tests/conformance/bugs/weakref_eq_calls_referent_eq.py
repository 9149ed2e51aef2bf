# weakref_richcompare: while both referents live, == and != are the referents' own comparison,
# with no identity shortcut: __eq__ runs for two refs to one object and for a ref with itself,
# and its result (even a non-bool) is the comparison's result. Once a referent died, refs are
# equal only to themselves. (CPython's test_weakref.test_weak_keyed_cascading_deletes counts these calls.)
import weakref

calls = []

class K:
    def __eq__(self, other):
        calls.append('eq')
        return 'yes'
    def __ne__(self, other):
        calls.append('ne')
        return 'no'
    __hash__ = object.__hash__

k = K()
r1 = weakref.ref(k)
r2 = weakref.ref(k, lambda r: None)   # a second, distinct ref to the same object
print(r1 is r2)
print(r1 == r2, r1 != r2, calls)
calls.clear()
print(r1 == r1, calls)                 # the same ref: the referent's __eq__ still runs
calls.clear()
print(r1 in [r2], calls)               # containment uses the identity shortcut first, then ==
calls.clear()
print(r1 in [r1], calls)               # identical item: no call
calls.clear()
d = {r1: 1}
print(d[r2], calls)                    # dict lookup: hashes equal, refs differ -> __eq__ called
calls.clear()

class KeyedRef(weakref.ref):
    pass

s1 = KeyedRef(k)
print(s1 == r1, calls)                 # a subclass instance compares as a ref
calls.clear()

del k
print(r1() is None, r1 == r2, r1 != r2, r1 == r1, calls)

class E:
    def __eq__(self, other):
        raise ValueError('eq failed')
    __hash__ = object.__hash__

e = E()
a, b = weakref.ref(e), weakref.ref(e, print)
try:
    a == b
except ValueError as ex:
    print('ValueError', ex)
try:
    a == a                     # the same ref, live referent: __eq__ runs and raises
except ValueError as ex:
    print('ValueError', ex)
