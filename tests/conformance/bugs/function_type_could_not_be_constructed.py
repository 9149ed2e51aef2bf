# types.FunctionType(code, globals, name, argdefs, closure) makes a function, with func_new's checks
# and messages (it was refused: cannot create 'function' instances)
import types, sys, gc
def t(f):
    try: r = f(); print(repr(r) if not callable(r) else (r.__name__, r.__qualname__, r.__defaults__, r.__module__, r.__doc__))
    except Exception as e: print(type(e).__name__, e)
def f(a, b=2): "doc"; return a + b
def mk():
    x = 1
    def g(): return x
    return g
g = mk()
co = f.__code__
t(lambda: types.FunctionType(co, {}))
t(lambda: types.FunctionType(co, {}, 'nm'))
t(lambda: types.FunctionType(co, {'__name__': 'mod'}, None, (5,)))
t(lambda: types.FunctionType(co, {}, None, (5,))(1))
t(lambda: types.FunctionType(co, globals(), argdefs=(7,))(1))
t(lambda: types.FunctionType(1, {}))
t(lambda: types.FunctionType(co, []))
t(lambda: types.FunctionType(co, {}, 5))
t(lambda: types.FunctionType(co, {}, None, [1]))
t(lambda: types.FunctionType(co, {}, None, None, (1,)))
t(lambda: types.FunctionType(g.__code__, {}))
t(lambda: types.FunctionType(g.__code__, {}, None, None, ()))
t(lambda: types.FunctionType(g.__code__, {}, None, None, (1,)))
t(lambda: types.FunctionType(g.__code__, {}, None, None, g.__closure__)())
t(lambda: types.FunctionType(g.__code__, {}, None, None, [1]))
t(lambda: types.FunctionType(co, {}, None, None, None, 5))
t(lambda: types.FunctionType(co, {}, name='x', closure=None).__name__)
t(lambda: types.FunctionType())
t(lambda: types.FunctionType(co))
t(lambda: types.FunctionType(co, {}, kwdefaults={}))
t(lambda: types.FunctionType(co, {}, argdefs=()).__defaults__)
h = types.FunctionType(co, {'__builtins__': {'zz': 1}})
print(h.__builtins__, h.__globals__, sys.getsizeof(h), gc.is_tracked(h))
try:
    class F(types.FunctionType): pass
except TypeError as e:
    print(e)
