# collections.deque has its own __repr__ in its dict, as in CPython: pprint dispatches on
# type(obj).__repr__, and deque's compared equal to object's (a plain instance, a dataclass
# without a repr, went to _pprint_deque: "object of type 'X' has no len()").
import collections, pprint, dataclasses

class A:
    pass
print('__repr__' in collections.deque.__dict__, collections.deque.__repr__ == A.__repr__)
print(repr(collections.deque([1, 2], maxlen=3)), collections.deque.__repr__(collections.deque('ab')))
class D(collections.deque):
    pass
print(repr(D([1])), D.__repr__ is collections.deque.__repr__)

@dataclasses.dataclass(repr=False)
class DC:
    x: int
s = pprint.pformat(DC(1), width=10)
print(s.startswith('<__main__.DC object at'))
print(pprint.pformat(collections.deque(range(30)), width=20))
d = collections.deque([1])
d.append(d)
print(repr(d))
