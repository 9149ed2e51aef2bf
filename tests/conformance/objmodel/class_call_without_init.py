# Calling a class whose __init__ is object's (no arguments): the instance, counts and errors as
# type_call gives them, also after __init__ or __new__ is added to the class or a base, or removed.
import gc, sys, weakref

class P:
    pass

class Q(P):
    pass

def made(cls):
    o = cls()
    return type(o).__name__, sys.getsizeof(o), gc.is_tracked(o), sys.getrefcount(o)

print(made(P), made(Q))
r0 = sys.getrefcount(P)
e0 = sys.getrefcount(())
keep = [P() for i in range(10)]
print('class refs held by 10 instances', sys.getrefcount(P) - r0)
print('empty tuple refs moved', sys.getrefcount(()) - e0)
del keep
print('class refs after they go', sys.getrefcount(P) - r0)

gc.disable()
gc.collect()
c0 = gc.get_count()[0]
a = P()
b = Q()
print('count0 moved by two instances', gc.get_count()[0] - c0)
del a, b
print('count0 after they go', gc.get_count()[0] - c0)
gc.enable()

try:
    P(1)
except TypeError as e:
    print('TypeError', e)
try:
    P(x=1)
except TypeError as e:
    print('TypeError', e)

P.__init__ = lambda self: print('P.__init__ runs for', type(self).__name__)
P()
Q()
del P.__init__
print(made(P), made(Q))

Q.__new__ = lambda cls: print('Q.__new__ runs') or 42
print('Q() gives', Q())
del Q.__new__
print(made(Q))

class A:
    pass
A.__abstractmethods__ = frozenset({'f', 'g'})
try:
    A()
except TypeError as e:
    print('TypeError', e)
A.__abstractmethods__ = frozenset()
print(made(A))

died = []
o = P()
w = weakref.ref(o, lambda r: died.append('callback'))
del o
print(died, w())

class WithDel:
    def __del__(self):
        print('__del__ of', type(self).__name__)
WithDel()
print('end')
