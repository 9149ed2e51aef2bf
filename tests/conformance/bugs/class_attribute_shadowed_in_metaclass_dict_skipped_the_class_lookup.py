# type_getattro looks a name up on the metaclass's mro first: when a Python metaclass's own dict has
# the name as a plain value (ABCMeta's '__module__' and '__doc__' strings), type's getset further
# along that mro does not answer; the class's own mro is searched (_PyType_Lookup, which gives the
# class a version tag), and the metaclass's value is the answer only when the class has none.
import abc, contextlib
VT = 1 << 19
t = contextlib.closing
print(bool(t.__flags__ & VT))
print(t.__module__, bool(t.__flags__ & VT))

class Meta(type):
    "the metaclass's doc"
    label = 'meta'
    __qualname__x = 1

class C(metaclass=Meta):
    "C's doc"
print(bool(C.__flags__ & VT))
print(C.__name__, C.__qualname__, bool(C.__flags__ & VT))
print(C.__module__, C.__doc__, bool(C.__flags__ & VT))

class D(metaclass=Meta):
    pass
print(D.__doc__, D.label, bool(D.__flags__ & VT))

class Meta2(type):
    __module__ = 'elsewhere'
class E(metaclass=Meta2):
    pass
print(Meta2.__module__, E.__module__)

class A(abc.ABC):
    pass
print(A.__flags__ & VT == 0, A.__module__, A.__doc__, bool(A.__flags__ & VT))
