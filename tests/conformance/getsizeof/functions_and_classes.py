# getsizeof of functions, lambdas and bound methods is fixed per type.
import sys
def f():
    pass
def g(a, b=1, *args, **kw):
    return a
class A:
    def m(self):
        pass
print(sys.getsizeof(f), sys.getsizeof(g), sys.getsizeof(lambda: 0))
print(sys.getsizeof(A().m))
