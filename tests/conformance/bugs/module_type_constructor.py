# types.ModuleType(name, doc=None) makes a module as module___init__ does (refheap refused it:
# "cannot create 'module' instances"); library code and tests make stand-in modules this way.
import types,sys
m=types.ModuleType('x'); print(m.__dict__, sys.getsizeof(m), repr(m), sys.getrefcount(m))
m=types.ModuleType('x','doc'); print(m.__dict__)
m=types.ModuleType(name='y', doc=3); print(m.__dict__)
for args, kw in [((), {}), ((1,), {}), (('a',), {'name': 'b'}), (('a', 'b', 'c'), {}), (('a',), {'zz': 1})]:
    try: types.ModuleType(*args, **kw)
    except TypeError as e: print(e)
import gc; print(gc.is_tracked(m))
