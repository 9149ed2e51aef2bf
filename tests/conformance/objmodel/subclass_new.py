# __new__ on classes: called with the class and the call's arguments before __init__, implicitly a
# staticmethod, __init__ skipped when it returns something else, object.__new__'s checks, and the
# references the call holds on an argument inside __new__.
import sys


class A:
    def __new__(cls, *args, **kw):
        print("new", cls.__name__, args, kw)
        return super().__new__(cls)

    def __init__(self, x, y=0):
        print("init", x, y)


a = A(1, y=2)
print(type(A.__dict__["__new__"]).__name__, type(a).__name__)


class B:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never")


print(B())


class Single:
    _inst = None

    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst


print(Single() is Single())


class C:
    pass


for call in (lambda: object.__new__(A, 1), lambda: C(1), lambda: object.__new__(int), lambda: object.__new__(1),
             lambda: tuple.__new__(C), lambda: object.__new__()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(type(object.__new__(C)).__name__, object.__new__.__self__ is object)


class Probe:
    def __new__(cls, arg):
        print("refs in __new__", sys.getrefcount(arg))
        return super().__new__(cls)

    def __init__(self, arg):
        print("refs in __init__", sys.getrefcount(arg))


x = object()
Probe(x)
print(sys.getrefcount(x))
