# A module-level literal is held by co_consts plus each name (no parser-arena reference under exec(compile())).
import sys
a = 300
b = 400
c = a
d = a
print(sys.getrefcount(a), sys.getrefcount(b))
del c, d
print(sys.getrefcount(a))
e = 'a string constant'
print(sys.getrefcount(e))
f = 2.75
g = f
print(sys.getrefcount(f))
