# types.GenericAlias and its subclasses (the pattern of _collections_abc._CallableGenericAlias):
# layout, size, refcounts, tracking and traversal of instances; __new__ through super(), the
# alias's own attributes, ga_getattro's forwarding to the origin, substitution of parameters,
# __repr__/__reduce__/__eq__/__hash__/__mro_entries__/__or__, calling an alias.
import gc
import sys
import types

GA = types.GenericAlias


class TV:
    """A type variable as typing makes them: __typing_subst__ marks it as a parameter."""
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return '~' + self.__name__

    def __typing_subst__(self, arg):
        return arg


T, S = TV('T'), TV('S')


class Plain(GA):
    pass


class NoDict(GA):
    __slots__ = ()


class Slotted(GA):
    __slots__ = ('extra',)


for C in (Plain, NoDict, Slotted):
    x = C(list, (int,))
    print(C.__name__, sys.getsizeof(x), C.__basicsize__, C.__dictoffset__, C.__weakrefoffset__)
    print(gc.is_tracked(x), sys.getrefcount(x), type(x) is C, x.__class__ is C)
    print(repr(x), x.__origin__, x.__args__, x.__parameters__)
    print(gc.get_referents(x))
    print(x == list[int], list[int] == x, x != list[int], hash(x) == hash(list[int]))
    print(x.__reduce__())
    print(x.__mro_entries__(()), x.__unpacked__, x.__typing_unpacked_tuple_args__)

# forwarding: names other than the alias's own are the origin's
p = Plain(dict, (str, int))
print(p.__name__, p.__qualname__, p.__module__, p.keys is dict.keys)
p.extra = 5            # stored in the instance's dict...
try:
    p.extra            # ...but read from the origin
except AttributeError as e:
    print('AttributeError:', e)
try:
    Plain(list, int).nothing
except AttributeError as e:
    print('AttributeError:', e)
print(NoDict(list, int).__args__, Slotted.__slots__)
try:
    NoDict(list, int).extra = 1
except AttributeError as e:
    print('AttributeError:', e)


class Callable(GA):
    """_CallableGenericAlias's shape: __new__ flattens the argument list."""
    __slots__ = ()

    def __new__(cls, origin, args):
        t_args, t_result = args
        if isinstance(t_args, (tuple, list)):
            args = (*t_args, t_result)
        return super().__new__(cls, origin, args)

    def __repr__(self):
        return 'Callable[[%s], %s]' % (', '.join(map(repr, self.__args__[:-1])), self.__args__[-1])

    def __reduce__(self):
        return Callable, (self.__origin__, (list(self.__args__[:-1]), self.__args__[-1]))

    def __getitem__(self, item):
        new_args = super().__getitem__(item).__args__
        return Callable(self.__origin__, (new_args[:-1], new_args[-1]))


c = Callable(tuple, ([int, T], S))
print(c, type(c).__name__, c.__args__, c.__parameters__, sys.getsizeof(c))
print(super(Callable, c).__repr__())
print(c[str, bytes], type(c[str, bytes]).__name__)
print(c.__reduce__())
print(c == GA(tuple, (int, T, S)), hash(c) == hash(GA(tuple, (int, T, S))))

# construction errors
for args, kw in (((list,), {}), ((list, int, str), {}), ((list, int), {'x': 1})):
    for C in (GA, Plain):
        try:
            C(*args, **kw)
        except TypeError as e:
            print(C.__name__, 'TypeError:', e)

# substitution
a = GA(dict, (T, GA(list, (S,))))
print(a, a.__parameters__, a[str, int], list[T][int], list[T][T])
for bad in ((), (int,), (int, str, bytes)):
    try:
        a[bad]
    except TypeError as e:
        print('TypeError:', e)
try:
    list[int][int]
except TypeError as e:
    print('TypeError:', e)
print(Plain(list, (T,))[int], type(Plain(list, (T,))[int]).__name__)

# repr of the items
def f(): pass
print(list[f], list['x'], list[...], list[()], dict[str, int | None], list[[int, str]], GA(list, (Plain,)))

# union with a subclass instance, mro entries, isinstance
u = Plain(list, int) | None
print(u, type(u).__name__, int | Plain(list, int))
class D(Plain(list, int)):
    pass
print(D.__mro__, D.__orig_bases__)
for fn, args in ((isinstance, ([], list[int])), (isinstance, ([], Plain(list, int))), (issubclass, (list, list[int]))):
    try:
        fn(*args)
    except TypeError as e:
        print('TypeError:', e)

# calling an alias calls its origin and records __orig_class__ where it can
class Box:
    pass
b = Plain(Box, int)()
print(type(b).__name__, b.__orig_class__, list[int]('ab'))
print(sorted(set(dir(list[int])) - set(dir(list))))

# refcounts and collection
x = Plain(list, (int,))
before = sys.getrefcount(list)
y = Plain(list, (int,))
print(sys.getrefcount(list) - before)
del y
print(sys.getrefcount(list) - before)
x.me = x  # a cycle through the instance dict
del x
print(gc.collect() >= 1)
