# functools on refheap: reduce, partial, wraps, total_ordering, lru_cache (the Python one),
# cached_property, cmp_to_key.
import functools
import sys

print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 0))
p = functools.partial(int, base=2)
print(p('101'), p.func is int, p.args, p.keywords)


def deco(f):
    @functools.wraps(f)
    def wrapper(*a):
        return f(*a)
    return wrapper


@deco
def hello(x):
    """Says hello."""
    return 'hello ' + x


print(hello('you'), hello.__name__, hello.__doc__, hello.__wrapped__.__name__)


@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))


@functools.lru_cache(maxsize=2)
def sq(n):
    print('computing', n)
    return n * n


print(sq(2), sq(2), sq(3), sq(4), sq(2))
print(sq.cache_info())


class C:
    @functools.cached_property
    def value(self):
        print('once')
        return 42


c = C()
print(c.value, c.value, c.__dict__)


# (singledispatch: stdlib_functools_singledispatch.py)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
print(sys.getrefcount(functools.partial) > 1)
