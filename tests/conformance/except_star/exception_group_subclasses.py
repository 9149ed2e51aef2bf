# Subclasses of ExceptionGroup and BaseExceptionGroup: 3.11's layout (the group's fields, then
# __weakref__ for a BaseExceptionGroup subclass), derive() keeping the subclass through split,
# subgroup and except*, __new__ and __init__ overrides, the nesting rule.
import gc
import sys


class MyEG(ExceptionGroup):
    pass


class MyBEG(BaseExceptionGroup):
    pass


class WithCode(ExceptionGroup):
    def __new__(cls, message, excs, code=0):
        obj = super().__new__(cls, message, excs)
        obj.code = code
        return obj

    def derive(self, excs):
        return WithCode(self.message, excs, self.code)


e = MyEG("m", [ValueError(1), TypeError(2)])
print(type(e).__name__, repr(e), str(e), e.args, sys.getsizeof(e), gc.is_tracked(e))
print([type(x).__name__ for x in gc.get_referents(e)])
print(MyEG.__basicsize__, MyEG.__weakrefoffset__, MyEG.__dictoffset__, MyEG.__mro__)
print(isinstance(e, ExceptionGroup), isinstance(e, BaseExceptionGroup), issubclass(MyEG, Exception))
m, r = e.split(ValueError)
print(type(m).__name__, repr(m), type(r).__name__, repr(r))
print(type(e.subgroup(TypeError)).__name__, e.subgroup(KeyError))
b = MyBEG("b", [KeyboardInterrupt()])
print(type(b).__name__, sys.getsizeof(b), MyBEG.__basicsize__, MyBEG.__weakrefoffset__)
print(type(MyBEG("b", [ValueError()])).__name__)
try:
    MyEG("x", [KeyboardInterrupt()])
except TypeError as x:
    print(x)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as x:
    print(x)
w = WithCode("wc", [ValueError(1), OSError(2)], 42)
m, r = w.split(ValueError)
print(type(m).__name__, m.code, type(r).__name__, r.code, m.args, m.exceptions)
try:
    raise w
except* ValueError as ev:
    print("caught", type(ev).__name__, ev.code, repr(ev))
except* OSError as eo:
    print("caught", type(eo).__name__, repr(eo))
try:
    try:
        raise MyEG("outer", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled value")
except ExceptionGroup as left:
    print("left", type(left).__name__, repr(left))


class Init(ExceptionGroup):
    def __init__(self, message, excs):
        super().__init__(message, excs)
        self.extra = 1


i = Init("i", [ValueError()])
print(i.extra, i.args, i.__dict__)
before = sys.getrefcount(MyEG)
tmp = MyEG("t", [ValueError()])
print(sys.getrefcount(MyEG) - before, sys.getrefcount(tmp))
del tmp
print(sys.getrefcount(MyEG) - before)
try:
    raise MyEG("not caught", [ValueError(3)])
except* TypeError:
    pass
