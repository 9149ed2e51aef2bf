# type's getset and member descriptors (__dict__, __name__, __mro__, __basicsize__, ...) on builtin
# types and on classes with and without __slots__, __dict__ and __weakref__.
import sys
T = type.__dict__
for name in ['__basicsize__', '__itemsize__', '__flags__', '__weakrefoffset__', '__base__', '__dictoffset__',
             '__mro__', '__name__', '__qualname__', '__bases__', '__module__', '__abstractmethods__', '__dict__',
             '__doc__', '__text_signature__', '__annotations__']:
    print(name, repr(T[name]), type(T[name]).__name__)


class C:
    pass


class S:
    __slots__ = ('a', 'b')


class W:
    __slots__ = ('a', '__weakref__')


class D:
    __slots__ = ('__dict__',)


class E(Exception):
    pass


class SE(S):
    __slots__ = ('c',)


class M(C, S):
    pass


class TU(tuple):
    pass


for k in (C, S, W, D, E, SE, M, TU, int, bool, float, complex, str, bytes, tuple, list, dict, set, object,
          range, slice, BaseException, OSError, type(lambda: 0), type(sys)):
    print(k.__name__, k.__basicsize__, k.__itemsize__, k.__weakrefoffset__, k.__dictoffset__, k.__base__)
print(sys.getsizeof(S()) - S.__basicsize__, sys.getsizeof(W()) - W.__basicsize__, sys.getsizeof(SE()) - SE.__basicsize__)
print(T['__basicsize__'].__get__(S), T['__mro__'].__get__(SE), T['__name__'].__get__(int), T['__module__'].__get__(C))
print(C.__text_signature__, C.__annotations__, '__annotations__' in C.__dict__, C.__module__, C.__doc__)
try:
    C.__abstractmethods__
except AttributeError as e:
    print('AttributeError', e)
try:
    int.__annotations__
except AttributeError as e:
    print('AttributeError', e)
T['__name__'].__set__(C, 'Renamed')
print(C.__name__, C.__qualname__)
T['__doc__'].__set__(C, 'documented')
print(C.__doc__, C.__dict__['__doc__'])
for attempt in ["C.__basicsize__ = 5", "C.__mro__ = ()", "T['__basicsize__'].__get__(5)", "T['__dict__'].__set__(C, {})",
                "int.__name__ = 'x'", "C.__dict__ = {}"]:
    try:
        exec(attempt)
        print(attempt, 'ok')
    except (AttributeError, TypeError) as e:
        print(attempt, type(e).__name__, e)
print(type.__dict__['__dict__'].__get__(int)['__add__'], int.__module__, type.__module__)
