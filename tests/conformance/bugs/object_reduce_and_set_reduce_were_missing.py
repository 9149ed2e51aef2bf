# object.__reduce__ (copyreg._reduce_ex at protocol 0) and set/frozenset.__reduce__
# ((type, (list(self),), self.__getstate__())) were missing, so a class whose __reduce__ calls
# object.__reduce__, and set or frozenset subclasses (holding themselves too) could not be pickled.
import copyreg, pickle, copy, io, sys

class A:
    pass

a = A()
a.x = 1
r = object.__reduce__(a)
print(r[0] is copyreg._reconstructor, r[1], r[2])
print(a.__reduce__() == r)
try:
    object.__reduce__(a, 1)
except TypeError as e:
    print('TypeError', e)
try:
    object.__reduce__(1)
except TypeError as e:
    print('TypeError', e)

class C:
    def __init__(self):
        self.v = [1, 2]
    def __reduce__(self):
        return object.__reduce__(self)

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    c = pickle.loads(pickle.dumps(C(), proto))
    print(proto, type(c).__name__, c.v)

print({3}.__reduce__(), frozenset({4}).__reduce__())

class MySet(set):
    pass

class MyFS(frozenset):
    pass

s = MySet([5, 6])
s.attr = 'a'
r = s.__reduce__()
print(r[0] is MySet, sorted(r[1][0]), r[2])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    b = pickle.dumps(s, proto)
    p = io.BytesIO()
    pickle._Pickler(p, proto).dump(s)
    t = pickle.loads(b)
    print(proto, b == p.getvalue(), type(t).__name__, sorted(t), t.attr)

# holding themselves through an instance attribute
class H:
    pass

for cls in (MySet, MyFS):
    h = H()
    o = cls([h])
    h.attr = o
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        x = pickle.loads(pickle.dumps(o, proto))
        y = list(x)[0]
        print(cls.__name__, proto, type(x).__name__, len(x), type(y).__name__, y.attr is x)
    x = copy.deepcopy(o)
    print(type(x).__name__, list(x)[0].attr is x)

# refcounts: the reduce value holds the class and the state
k = MySet([1])
k.z = 1
before = sys.getrefcount(MySet)
r = k.__reduce__()
print(sys.getrefcount(MySet) - before)
del r
print(sys.getrefcount(MySet) - before)
