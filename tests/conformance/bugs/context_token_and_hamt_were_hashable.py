# Context, Token and the hamt a context holds are unhashable in CPython 3.11 (tp_hash
# PyObject_HashNotImplemented: their dicts' __hash__ is None); refheap hashed them by identity, so
# they could be dict keys and set members. ContextVar stays hashable.
import _contextvars, gc

v = _contextvars.ContextVar('v')
t = v.set(1)
ctx = _contextvars.copy_context()
h = [o for o in gc.get_referents(ctx) if type(o).__name__ == 'hamt'][0]
for o in (ctx, t, h):
    print(type(o).__dict__['__hash__'])
    try:
        hash(o)
    except TypeError as e:
        print('TypeError', e)
    try:
        {o: 1}
    except TypeError as e:
        print('TypeError', e)
print(hash(v) == type(v).__dict__['__hash__'](v), {v: 1}[v])
