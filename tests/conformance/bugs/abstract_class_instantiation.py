# object.__new__ refuses a class whose __abstractmethods__ is non-empty (Py_TPFLAGS_IS_ABSTRACT), naming the
# methods sorted; refheap made the instance. Classes with a builtin base other than object are not checked.
import abc
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
    @abc.abstractmethod
    def a(self): ...
for C in (Base,):
    try: C()
    except TypeError as e: print(e)
class One(Base):
    def a(self): pass
try: One()
except TypeError as e: print(e)
class P:
    pass
P.__abstractmethods__ = frozenset({'x'})
try: P()
except TypeError as e: print(e)
del P.__abstractmethods__
print(type(P()).__name__)
class L(list, Base): pass
print(L())
