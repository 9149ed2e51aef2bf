# code run by exec at module level with separate locals: comprehensions and lambdas see globals, not the locals dict
g = {"base": 100}
l = {}
exec("n = 3\nsquares = [i * i for i in range(n)]\nadd = lambda v: v + base", g, l)
print(l["squares"], l["add"](1), sorted(l))
try:
    exec("k = 2\nvals = [k * i for i in range(3)]", {}, {})
except NameError as e:
    print("NameError:", e)
ns = {}
exec("k = 2\nvals = [k * i for i in range(3)]", ns)
print(ns["vals"])
