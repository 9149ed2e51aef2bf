# __name__, __qualname__, __doc__ of functions and classes are writable and show in reprs
def f():
    'original'
f.__name__ = 'renamed'
f.__qualname__ = 'Q.renamed'
f.__doc__ = 'new doc'
print(f.__name__, f.__qualname__, f.__doc__, repr(f).split(' at ')[0])
class A:
    'class doc'
A.__name__ = 'B'
A.__qualname__ = 'Outer.B'
A.__doc__ = 'changed'
print(A.__name__, A.__qualname__, A.__doc__, repr(A), repr(A()).split(' at ')[0])
for target, name in ((f, '__name__'), (f, '__qualname__'), (A, '__name__'), (A, '__qualname__')):
    try:
        setattr(target, name, 5)
    except TypeError as e:
        print(e)
