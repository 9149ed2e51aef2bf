# str.format's two iterators (formatteriterator, fieldnameiterator) are static types CPython 3.11
# readies at start-up: before any import of _string they are among object's subclasses with their
# dicts (three slot wrappers each, tracked), layout figures and the weak reference object's
# __subclasses__() holds; _string's functions then make instances of those same types
import gc, sys, weakref

before = '_string' in sys.modules


def find(name):
    for c in object.__subclasses__():
        if c.__name__ == name:
            return c
    raise LookupError(name)


for n in ('formatteriterator', 'fieldnameiterator'):
    t = find(n)
    print(n, t.__module__, t.__qualname__, t.__basicsize__, t.__itemsize__, t.__weakrefoffset__, t.__dictoffset__,
          t.__flags__ & ~(1 << 19), weakref.getweakrefcount(t), gc.is_tracked(t), t.__doc__)
    print('  ', [(k, type(v).__name__, gc.is_tracked(v)) for k, v in t.__dict__.items()])
    try:
        t()
    except TypeError as e:
        print('   TypeError', e)
print('imported before:', before)
import _string
p = _string.formatter_parser('a{0!r:>5}b')
first, f = _string.formatter_field_name_split('x.y[0]')
print(type(p) is find('formatteriterator'), type(f) is find('fieldnameiterator'), gc.is_tracked(p), sys.getsizeof(p), sys.getsizeof(f))
P, F = type(p), type(f)
print(P.__dict__['__iter__'](p) is p, P.__dict__['__next__'](p), list(p))
print(first, F.__dict__['__next__'](f), list(F.__dict__['__iter__'](f)))
try:
    P.__dict__['__next__'](p)
except StopIteration:
    print('StopIteration')
