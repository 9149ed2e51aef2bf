# Run before a start-up image is written: what the image's Java-side hooks must carry.
class Point:
    __slots__ = ('x', 'y')
    kind = 'point'

    def __init__(self, x, y):
        self.x = x
        self.y = y

    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


class Named(Point):
    __slots__ = ('name',)

    def __init__(self, x, y, name):
        super().__init__(x, y)
        self.name = name


class Total(list):
    def total(self):
        return sum(self)


import builtins                # the import system is made (a builtin module adds no function)


class Plain:
    count = 0

    def __init__(self, a):
        Plain.count += 1
        self.a = a
        self.b = [a]


class Gone:
    pass


class Err(ValueError):
    def __str__(self):
        return 'err: ' + super().__str__()


def make_counter(start):
    n = start

    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc


counter = make_counter(10)
counter()
kept = [Plain(1), Plain(2)]
push = kept.append            # builtin methods bound to objects: entries made after the constructor
joiner = ', '.join
dict_get = {'k': 'v'}.get
setattr(kept[0], ''.join(['dyn', 'amic_', 'name']), 'set by name')
cycle = [Plain(3)]
cycle.append(cycle)
del cycle, Gone
quick = 0
for i in range(100):
    quick += len(Total([i]))


class Registry(type):
    made = []

    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        mcls.made.append(name)
        return cls


class Base(metaclass=Registry):
    subclasses = []

    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subclasses.append((cls.__name__, tag))

    @staticmethod
    def helper(x):
        return x + 1

    @classmethod
    def make(cls):
        return cls()


class Leaf(Base, tag='leaf'):
    def __eq__(self, other):
        return isinstance(other, Leaf)


class Cached(property):
    pass


class Holder:
    @Cached
    def value(self):
        return 'cached value'
