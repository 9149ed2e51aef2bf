# Iterating a GenericAlias (PEP 646's *tuple[int]) was refused by name: iter(alias) is a generic_alias_iterator
# (24 bytes, tracked, holding the alias until its one item is taken) giving the starred alias once (__unpacked__,
# repr *tuple[int], an exact GenericAlias also for a subclass's instance), which pickles as next(iter(alias)).
import sys, gc, pickle, copy, types
a = tuple[int, str]
before = sys.getrefcount(a)
it = iter(a)
print(type(it).__name__, sys.getsizeof(it), gc.is_tracked(it), sys.getrefcount(a) - before, iter(it) is it)
s = next(it)
print(repr(s), s.__unpacked__, a.__unpacked__, type(s) is types.GenericAlias, s.__origin__, s.__args__)
print(sys.getrefcount(a) - before, list(it), sys.getsizeof(s), gc.is_tracked(s))
print(s == a, s == next(iter(a)), hash(s) == hash(a), s.__typing_unpacked_tuple_args__, a.__typing_unpacked_tuple_args__)
print([*list[int]], (*dict[str, int],))
t = tuple[int, *tuple[str, ...]]
print(repr(t), t.__args__)
print(repr(s[()]) if False else repr(tuple[*tuple[int]]))
r = s.__reduce__()
print(r[0] is next, type(r[1][0]).__name__, repr(pickle.loads(pickle.dumps(s))), pickle.loads(pickle.dumps(s)) == s)
print(repr(copy.copy(s)), repr(copy.deepcopy(s)))
print(sorted(type(it).__dict__), type(it).__flags__ & ~(1 << 19))
class G(types.GenericAlias): pass
g = G(list, (int,))
print(repr(next(iter(g))), type(next(iter(g))).__name__)
it2 = iter(a)
print(it2.__reduce__()[0] is iter, it2.__reduce__()[1] == (a,))
next(it2)
print(it2.__reduce__()[1])
import typing
Ts = typing.TypeVarTuple('Ts')
print(repr(tuple[*Ts]), repr(typing.Tuple[int, *Ts]))
def f(*args: *Ts): pass
print(f.__annotations__)
