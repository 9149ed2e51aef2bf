# The context types (Context, ContextVar, Token, Token.MISSING's type) and the hamt are static types
# CPython 3.11 readies at start-up: before any import of _contextvars they are among object's
# subclasses with their dicts (slot wrappers, methods, members, getsets: each tracked), layout
# figures, Token.MISSING, and the weak reference object's __subclasses__() holds; importing
# _contextvars then makes only the module
import gc, sys, weakref

before = '_contextvars' in sys.modules


def find(name):
    for c in object.__subclasses__():
        if c.__name__ == name:
            return c
    raise LookupError(name)


for n in ('Context', 'ContextVar', 'Token', 'MISSING', 'hamt'):
    t = find(n)
    print(n, t.__module__, t.__qualname__, t.__basicsize__, t.__itemsize__, t.__weakrefoffset__, t.__dictoffset__,
          t.__flags__ & ~(1 << 19), weakref.getweakrefcount(t), gc.is_tracked(t), t.__doc__)
    print('  ', [(k, type(v).__name__, gc.is_tracked(v)) for k, v in t.__dict__.items()])
print('imported before:', before)
tok = find('Token')
print(repr(tok.MISSING), type(tok.MISSING).__name__, gc.is_tracked(tok.MISSING))
import _contextvars
print(_contextvars.Token is tok, _contextvars.Context is find('Context'))

# the slot wrappers and descriptors apply the types' own operations
v = _contextvars.ContextVar('v', default=1)
ctx = _contextvars.copy_context()
print(type(v).__dict__['name'].__get__(v), type(v).__dict__['get'](v), type(v).__dict__['__hash__'](v) == hash(v))
t = v.set(5)
print(type(t).__dict__['var'].__get__(t) is v, type(t).__dict__['old_value'].__get__(t) is tok.MISSING)
ctx2 = _contextvars.copy_context()
C = type(ctx2)
print(C.__dict__['__len__'](ctx2), C.__dict__['__getitem__'](ctx2, v), C.__dict__['__contains__'](ctx2, v),
      C.__dict__['__eq__'](ctx2, ctx2), list(C.__dict__['__iter__'](ctx2)) == [v])
print(type(_contextvars.ContextVar[int]).__name__, _contextvars.Token[str])
for o in (ctx2, t):
    try:
        hash(o)
    except TypeError as e:
        print('TypeError', e)

# the hamt a context holds (gc finds it): its mapping slots and constructor
h = [o for o in gc.get_referents(ctx2) if type(o).__name__ == 'hamt'][0]
H = type(h)
print(len(h), h[v], v in h, list(h) == [v], h == h, len(H()), H() == H())
try:
    h[_contextvars.ContextVar('w')]
except KeyError as e:
    print('KeyError', type(e.args[0]).__name__)
try:
    hash(h)
except TypeError as e:
    print('TypeError', e)
v.reset(t)
print(v.get())
