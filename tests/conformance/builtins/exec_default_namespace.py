# exec/eval without namespaces use the caller's globals and (in a function) a snapshot of its locals
x = 1
exec("x = 2")
print(x)
print(eval("x * 3"))
def f():
    y = 5
    exec("y = 6")
    exec("w = 7")
    return y, eval("y + 1")
print(f())
def g():
    loc = {}
    exec("q = 9", globals(), loc)
    return loc
print(g())
