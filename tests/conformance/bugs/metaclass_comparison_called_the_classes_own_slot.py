# A comparison of two classes whose metaclass defines __lt__ (or __eq__) called the method found on the class
# itself (object's slot wrapper, "expected 1 argument, got 0") instead of the metaclass's: functools.total_ordering
# on a metaclass (test_functools' issue 44605).
class M(type):
    def __lt__(self, other):
        return self.__name__ < other.__name__
class A(metaclass=M): pass
class B(metaclass=M): pass
print(A < B, B < A)
print(M.__lt__(A, B))
class N(type):
    def __eq__(self, other): return self.__name__ == other.__name__
    __hash__ = type.__hash__
class C(metaclass=N): pass
class D(metaclass=N): pass
print(C == D, C != D, C == C, C != C)
try:
    A > 3
except TypeError as e:
    print(e)
import functools
@functools.total_ordering
class SortableMeta(type):
    def __lt__(self, other):
        return self.__name__ < other.__name__
    def __eq__(self, other):
        return self.__name__ == other.__name__
    __hash__ = type.__hash__
class X(metaclass=SortableMeta): pass
class Y(metaclass=SortableMeta): pass
print(X < Y, X <= Y, X > Y, X >= Y, X == Y, X != Y, sorted([Y, X]) == [X, Y])
