# The static types CPython 3.11 readies at start-up whose objects a program rarely meets (found
# through __subclasses__()): their dicts (slot wrappers, methods, getsets, members: each tracked),
# layout figures, the weak reference their base's __subclasses__() holds, and what calling them does
import gc, sys, weakref


def find(base, name):
    for c in base.__subclasses__():
        if c.__name__ == name:
            return c
    raise LookupError(name)


names = ['stderrprinter', 'InterpreterID', 'symtable entry', 'moduledef', 'instancemethod',
         'PickleBuffer', 'callable_iterator', 'async_generator_wrapped_value', 'managedbuffer', 'memory_iterator',
         'hamt_array_node', 'hamt_bitmap_node', 'hamt_collision_node', 'keys', 'values', 'items']
found = [(n, find(object, n)) for n in names] + [('builtin_method', find(type(len), 'builtin_method'))]
for n, t in found:
    d = t.__dict__
    print(n, t.__module__, t.__qualname__, t.__base__.__name__, t.__basicsize__, t.__itemsize__, t.__weakrefoffset__,
          t.__dictoffset__, t.__flags__ & ~(1 << 19))
    print('  ', [(k, type(v).__name__, gc.is_tracked(v)) for k, v in d.items() if k != '__doc__'])
    print('  ', '__doc__' in d, type(t.__doc__).__name__, weakref.getweakrefcount(t), gc.is_tracked(t))
    if '__new__' not in d:  # (refheap makes no object of the others: it raises NotImplementedError naming the type)
        try:
            t()
        except TypeError as e:
            print('   TypeError', e)
    for k, v in d.items():
        if hasattr(v, '__get__') and k not in ('__doc__', '__new__', '__hash__'):
            try:
                v.__get__(42, int) if not hasattr(v, '__set__') else v.__get__(42)
                print('   applied', k)
            except TypeError as e:
                print('   ', k, 'TypeError', e)
            break
