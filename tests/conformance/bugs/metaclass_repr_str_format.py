# A metaclass's __repr__/__str__/__format__ are looked up on the metaclass, never through the class's own mro
# (refheap found object's unbound __repr__ there: typing.Any's repr failed), and type.__repr__ applies to a
# class of a metaclass that overrides it (super().__repr__() in the metaclass).
class M(type):
    def __repr__(self):
        if self is A:
            return 'A!'
        return super().__repr__()
class A(metaclass=M):
    pass
class B(metaclass=M):
    pass
print(repr(A), str(A), repr(B), str(B))
print(A, B, f'{A}', '%s' % A, format(A))
print(type.__repr__(int), type.__repr__(A), type.__repr__(B), repr(M), type.__repr__(M))
try:
    type.__repr__(3)
except TypeError as e:
    print(e)
class N(type):
    def __str__(cls):
        return 'str of ' + cls.__name__
    def __format__(cls, spec):
        return 'fmt ' + spec
class C(metaclass=N):
    pass
print(str(C), repr(C), f'{C:xy}', format(C), '%s|%r' % (C, C))
