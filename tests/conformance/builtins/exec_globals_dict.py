# exec with a globals dict: names land there, __builtins__ is inserted first, the dict is returned to as is
import sys
g = {}
r = exec("x = 1\ny = x + 1\ndef f(): return y * 10", g)
print(r)
print(list(g))
print(g["y"], g["f"]())
print(type(g["__builtins__"]).__name__)
g2 = {"__builtins__": {}}
exec("z = 5", g2)
print(sorted(g2), g2["__builtins__"])
print(sys.getrefcount(g) - 1)
