# The getset and member descriptors of function objects, as CPython 3.11 has them in
# FunctionType.__dict__: their kinds, reprs, names, owners, __get__/__set__/__delete__ and errors.
import sys, gc


def f(a, b=2, *, c=3):
    "doc of f"
    return a


FT = type(f)
GetSet = type(FT.__code__)
Member = type(FT.__globals__)
print(GetSet.__name__, Member.__name__)
for name, d in FT.__dict__.items():
    if type(d) in (GetSet, Member):
        print(name, type(d).__name__, repr(d), d.__name__, d.__qualname__, d.__objclass__ is FT)
d = FT.__dict__['__code__']
print(d.__get__(f) is f.__code__, d.__get__(None, FT) is d, d.__doc__)
print(FT.__defaults__.__get__(f), FT.__kwdefaults__.__get__(f), FT.__dict__['__name__'].__get__(f))
print(FT.__dict__['__globals__'].__get__(f) is globals(), FT.__dict__['__closure__'].__get__(f))
print(FT.__dict__['__module__'].__get__(f), FT.__dict__['__doc__'].__get__(f))
print(type(f.__builtins__).__name__, len(f.__builtins__) > 10)
FT.__defaults__.__set__(f, (7,))
print(f.__defaults__, f(1))
FT.__dict__['__kwdefaults__'].__set__(f, {'c': 9})
print(f.__kwdefaults__)
FT.__dict__['__defaults__'].__delete__(f)
print(f.__defaults__)
f.__defaults__ = (4,)
del f.__kwdefaults__
print(f.__defaults__, f.__kwdefaults__)
FT.__dict__['__doc__'].__set__(f, 'new doc')
print(f.__doc__)
FT.__dict__['__name__'].__set__(f, 'g')
print(f.__name__, f.__qualname__)


def g():
    return 'g'


def h():
    return 'h'


g.__code__ = h.__code__
print(g(), g.__name__)
for attempt in ["f.__globals__ = {}", "f.__closure__ = None", "del f.__globals__", "f.__defaults__ = [1]",
                "f.__code__ = 5", "f.__kwdefaults__ = 3", "f.__name__ = 5", "FT.__code__.__get__(5)",
                "FT.__code__.__set__(5, 1)", "FT.__dict__['__globals__'].__set__(f, {})", "del f.__dict__"]:
    try:
        exec(attempt)
        print(attempt, 'ok')
    except (AttributeError, TypeError) as e:
        print(attempt, type(e).__name__, e)
print(sys.getsizeof(d), sys.getsizeof(FT.__dict__['__globals__']), gc.is_tracked(d), gc.is_tracked(FT.__dict__['__globals__']))
print(gc.get_referents(d) == [FT], sys.getrefcount(d), sys.getrefcount(FT.__dict__['__globals__']))
print(isinstance(FT.__code__, GetSet), hasattr(GetSet, '__set__'), hasattr(Member, '__delete__'))
