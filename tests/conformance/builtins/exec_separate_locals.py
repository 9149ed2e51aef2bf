# exec with separate globals and locals: assignments go to locals, reads fall back to globals then builtins
g = {"a": 10}
l = {"b": 2}
exec("c = a + b\nd = len([1, 2, 3])", g, l)
print(sorted(k for k in g if k != "__builtins__"), sorted(l))
print(l["c"], l["d"])
exec("global e\ne = c * 2", g, l)
print(g["e"], "e" in l)
try:
    exec("print(undefined_name)", g, l)
except NameError as e:
    print("NameError:", e)
