# compile() in the three modes gives code objects that exec and eval run
c = compile("a * 2", "<calc>", "eval")
print(type(c).__name__, c.co_filename, c.co_name)
print(eval(c, {"a": 21}))
e = compile("b = 3\nc = b ** 2", "<prog>", "exec")
ns = {}
print(exec(e, ns), ns["c"])
print(eval(e, ns))
s = compile("1 + 1", "<single>", "single")
r = exec(s)
print(r)
exec(compile("x = 5", "<single>", "single"))
print(x)
try:
    compile(c, "ignored", "eval")
except TypeError as e:
    print(e)
