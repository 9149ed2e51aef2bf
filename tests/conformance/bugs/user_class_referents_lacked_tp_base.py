# A class defined in Python is a heap type whose type_traverse visits tp_dict, tp_mro, tp_bases and
# tp_base (a counted reference type_new takes): refheap visited dict, bases, mro and held no tp_base,
# so gc.get_referents(B) lacked A and A's refcount was one short per subclass.
import gc, sys


def show(c):
    out = []
    for r in gc.get_referents(c):
        if isinstance(r, type):
            out.append('type:' + r.__name__)
        elif r is c.__mro__:
            out.append('mro')
        elif r is c.__bases__:
            out.append('bases')
        else:
            out.append(type(r).__name__)
    print(c.__name__, out, c.__base__.__name__)


class A: pass
class B(A): pass
show(A)
show(B)
print(sys.getrefcount(A), sys.getrefcount(B))

class M(type): pass
class C(B, metaclass=M): pass
show(C)
print(sys.getrefcount(A), sys.getrefcount(B), sys.getrefcount(M))

class S:
    __slots__ = ('a', 'b')
show(S)

class X: pass
class D(A, X): pass
show(D)
print(sys.getrefcount(A), sys.getrefcount(X))

class Slotted:
    __slots__ = ('z',)
class W(X, Slotted): pass   # best_base: the base with the most derived layout
show(W)

class E(ValueError): pass
class Mixin: pass
class E2(Mixin, KeyError): pass
show(E)
show(E2)

class G(int): pass
show(G)
class H(dict, metaclass=M): pass
show(H)
show(M)

del D, W
gc.collect()
print(sys.getrefcount(A), sys.getrefcount(X))

class K(A): pass
del K
print(sys.getrefcount(A))
gc.collect()
print(sys.getrefcount(A))

# a cycle through tp_base alone: the collector sees it
class Base: pass
class Sub(Base): pass
Base.sub = Sub
import weakref
r = weakref.ref(Base)
del Base, Sub
print(r() is None)
gc.collect()
print(r() is None)
