# A globals dict's own __builtins__ (a dict, another mapping, a module, none) is what functions
# made in it, exec and eval look builtins up in, __import__ and __build_class__ included (they were
# always the interpreter's builtins dict)
import types, collections
def t(src, g):
    try: exec(src, g); print("ok", sorted((k, type(v).__name__ if callable(v) and not isinstance(v, type) else v) for k, v in g.items() if k not in ('__builtins__', 'bi')))
    except Exception as e: print(type(e).__name__, e)
t("x = len", {'__builtins__': 5})
t("def f(): return len\nr = f()", {'__builtins__': 5})
class M(collections.UserDict): pass
m = M(len=len)
t("r = len('a')", {'__builtins__': m})
t("def f(): return len('ab')\nr = f()", {'__builtins__': m})
t("import os\nr = 1", {'__builtins__': {}})
t("class A: pass", {'__builtins__': {}})
t("r = __import__", {'__builtins__': {'__import__': 7}})
t("import sys", {'__builtins__': {'__import__': lambda *a: 'imported:' + a[0]}})
t("r = __builtins__", {'__builtins__': types.ModuleType('fake')})
g = {'__builtins__': {'len': len}}
t("def f(): return len\nr = f.__builtins__ is __builtins__", g)
import builtins
t("def f(): return 1\nr = f.__builtins__ is bi.__dict__", {'__builtins__': builtins, 'bi': builtins})
g2 = {}
exec("def f(): pass", g2)
print(g2['__builtins__'] is builtins.__dict__, g2['f'].__builtins__ is builtins.__dict__)
f = types.FunctionType((lambda: zz).__code__, {'__builtins__': {'zz': 3}})
print(f(), f.__builtins__)
t("r = eval('len', {'__builtins__': {'len': 9}})", {})
t("def g(): return eval('len')\nr = g()", {'__builtins__': {'len': 11, 'eval': eval}})
t("r = [len for _ in (1,)]", {'__builtins__': {'len': 12}})
t("r = (lambda: len)()", {'__builtins__': {'len': 13}})
def outer():
    exec("def inner(): return zz", d := {'__builtins__': {'zz': 14}})
    return d['inner']()
print(outer())
