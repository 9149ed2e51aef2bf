# code object attributes: names, counts, flags, variables, constants, stack size
def f(a, b=1, /, c=2, *args, d, e=3, **kw):
    x = a + b
    def g():
        return x + c
    return g
co = f.__code__
print(co.co_name, co.co_qualname, co.co_filename.endswith("code_introspection.py"), co.co_firstlineno)
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals, co.co_stacksize, co.co_flags)
print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_names)
print([type(c).__name__ for c in co.co_consts])
g = f(1, 2, d=4)
gc = g.__code__
print(gc.co_name, gc.co_qualname, gc.co_freevars, gc.co_cellvars, gc.co_nlocals, gc.co_flags, gc.co_varnames)
class K:
    def m(self):
        return __class__
print(K.m.__code__.co_freevars, K.m.__code__.co_qualname, (lambda: 0).__code__.co_name, (x for x in ()).gi_code.co_flags)
mod = compile("y = 1\nz = y + 2", "<mod>", "exec")
print(mod.co_name, mod.co_names, mod.co_consts, mod.co_flags, mod.co_argcount, mod.co_nlocals, mod.co_varnames)
async_flags = compile("def h(*a, **k): pass", "<h>", "exec").co_consts[0].co_flags
print(async_flags)
