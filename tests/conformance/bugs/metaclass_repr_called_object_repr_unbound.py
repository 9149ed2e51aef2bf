# repr()/str() of a class whose metaclass defines __repr__/__str__ looked the method up on the class
# (finding object.__repr__, unbound: TypeError) instead of on its metaclass.
class Meta(type):
    def __repr__(cls):
        return 'Meta:' + super().__repr__()

    def __str__(cls):
        return 'str of ' + cls.__name__

class A(metaclass=Meta):
    pass

class B(A):
    pass

print(repr(A), str(A), repr(B), str(B), f'{A}', [A, B])
