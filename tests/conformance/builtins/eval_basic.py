# eval returns the expression's value; leading spaces and tabs are stripped; bytes sources are UTF-8
print(eval("1 + 2 * 3"))
print(eval("  \t[i * i for i in range(4)]"))
print(eval(b"'caf\xc3\xa9'"))
print(eval("x + y", {"x": 1}, {"y": 2}))
print(eval("(lambda n: n + 1)(41)"))
print(eval("__name__", {"__name__": "mod"}))
for bad in ["x = 1", "1 +", ""]:
    try:
        eval(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno)
