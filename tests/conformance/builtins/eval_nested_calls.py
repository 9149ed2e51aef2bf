# eval and exec nest: code that calls eval sees the namespaces it was given
g = {"x": 2}
print(eval("eval('x * 10')", g))
exec("y = eval('x + 1')\nexec('z = y * 2')", g)
print(g["y"], g["z"])
def f(a):
    return eval("a + b", {"b": 1}, {"a": a})
print(f(41), eval("f(1)", globals()))
print(eval(compile("[v for v in (1, 2)]", "<c>", "eval")))
