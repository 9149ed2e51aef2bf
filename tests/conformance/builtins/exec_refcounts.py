# exec/eval hold the code object only while it runs, and leave their namespaces' counts as they found them
import sys, gc
code = compile("y = 1", "<s>", "exec")
before = sys.getrefcount(code)
g = {}
exec(code, g)
after = sys.getrefcount(code)
print(after - before)
l = {}
rg, rl = sys.getrefcount(g), sys.getrefcount(l)
exec("z = 2", g, l)
print(sys.getrefcount(g) - rg, sys.getrefcount(l) - rl)
val = object()
ns = {"val": val}
r0 = sys.getrefcount(val)
got = eval("val", ns)
print(got is val, sys.getrefcount(val) - r0)
del got
print(sys.getrefcount(val) - r0)
print(gc.is_tracked(code), type(code).__name__)
