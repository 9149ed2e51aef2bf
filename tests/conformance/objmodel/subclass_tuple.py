# Subclasses of tuple as namedtuple makes them (__slots__ = (), __new__ through tuple.__new__,
# properties over itemgetter) and with a __dict__ (tp_dictoffset -8: the pointer after the items):
# sizes, tracking, referents (the items in reverse, after the class), the tuple protocol inherited
# (len, indexing, slicing to a new tuple, iteration, unpacking, ==, <, hash, %, in, repr), overrides.
import gc
import sys
from operator import itemgetter


class Point(tuple):
    "Point(x, y)"
    __slots__ = ()
    _fields = ("x", "y")

    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    @classmethod
    def _make(cls, iterable):
        return tuple.__new__(cls, iterable)

    def __repr__(self):
        return self.__class__.__name__ + "(x=%r, y=%r)" % self

    def _asdict(self):
        return dict(zip(self._fields, self))

    x = property(itemgetter(0), doc="Alias for field number 0")
    y = property(itemgetter(1), doc="Alias for field number 1")


p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], p[:1], type(p[:]).__name__, len(p), list(p), p._asdict())
a, b = p
print(a, b, p == (1, 2), (1, 2) == p, p != (1, 2), p < (1, 3), p > (0, 9), hash(p) == hash((1, 2)), 2 in p)
print(Point._make([3, 4]), isinstance(p, tuple), p.count(1), p.index(2), tuple(p), type(tuple(p)).__name__)
print(sys.getsizeof(p), sys.getsizeof((1, 2)), gc.is_tracked(p), gc.get_referents(p)[0] is Point, gc.get_referents(p)[1:])
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
d = {p: "point"}
print(d[(1, 2)], d[Point(1, 2)])


class Tagged(tuple):
    pass


t = Tagged([5, 6, 7])
t.tag = "t"
print(t, repr(t), str(t), t.tag, t.__dict__, sys.getsizeof(t), bool(Tagged()), bool(t))
print(gc.get_referents(t)[0], gc.get_referents(t)[1] is Tagged, gc.get_referents(t)[2:])
print("%s-%s-%s" % t, t + (8,) if False else None, sorted(Tagged([3, 1, 2])))


class Reversed(tuple):
    def __len__(self):
        return 99

    def __iter__(self):
        return iter(["overridden"])


r = Reversed((1, 2))
print(len(r), list(r), r[0], tuple.__len__(r) if hasattr(tuple, "__len__") else 2)


class Counted(tuple):
    made = 0

    def __new__(cls, *items):
        cls.made += 1
        return super().__new__(cls, items)

    def __del__(self):
        print("Counted freed", tuple(self))


c = Counted(1, 2, 3)
print(Counted.made, c, sys.getrefcount(c))
del c
print(gc.collect() >= 0)
try:
    class Bad(tuple):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)
try:
    tuple.__new__(Point, 1)
except TypeError as e:
    print("TypeError:", e)
