# A class with a builtin exception base and a Python mixin: the mro is C3 over both (ValueError before the mixin), str/repr and super() reach the exception's own slots (no recursion), several builtin exception bases combine (ValueError, TypeError; OSError, ValueError), and the layout extends the exception's (a mixin's managed dict must not shrink it: this crashed at exit)
class Mixin:
    def __str__(self): return 'mixin'
    def extra(self): return 'extra'
class X(ValueError, Mixin): pass
print([c.__name__ for c in X.__mro__], repr(str(X())), X().extra())
class Y(Mixin, ValueError): pass
print([c.__name__ for c in Y.__mro__], repr(str(Y())))
class A(ValueError, TypeError): pass
print([c.__name__ for c in A.__mro__], isinstance(A(), TypeError), issubclass(A, TypeError))
try:
    raise A('x')
except TypeError as e:
    print('caught', e)
class B(OSError, ValueError): pass
print([c.__name__ for c in B.__mro__], B(2, 'nf').errno)
class C(ValueError, OSError): pass
print([c.__name__ for c in C.__mro__], C(2, 'nf').errno, str(C(2, 'nf')))
class D(KeyError, AttributeError): pass
print([c.__name__ for c in D.__mro__], str(D('k')))
class E:
    pass
class F(E, object): pass
print(F.__mro__)
class G(object): pass
print(G.__mro__, G.__bases__)
class H(Exception):
    def __str__(self): return 'H' + super().__str__()
print(str(H('a')))
class I(ValueError, Mixin):
    def __str__(self): return super().__str__() + '|' + super(ValueError, self).__str__()
print(str(I('z')))
import sys, gc
class P: pass
class I2(ValueError, P): pass
class J(ValueError): pass
e = I2('a'); e.x = 1
print(sys.getsizeof(I2()), sys.getsizeof(J()), e.__dict__, gc.is_tracked(e), len(gc.get_referents(e)))
import weakref
r = weakref.ref(e); print(r() is e)
class K(KeyError): pass
print(str(K('k')), repr(K('k')))
class H2(Exception):
    def __repr__(self): return 'H2:' + super().__repr__()
print(repr(H2(1, 2)))
