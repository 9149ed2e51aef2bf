# a compile error is a SyntaxError with msg, filename, lineno, offset, text, end positions and args
try:
    compile("x = (1,\n", "pkg/mod.py", "exec")
except SyntaxError as e:
    print(type(e).__name__, repr(e.msg), e.filename, e.lineno)
    print(str(e))
    print(len(e.args), e.args[0] == e.msg, e.args[1][0], e.args[1][1] == e.lineno)
try:
    compile("def f():\nreturn 1\n", "m.py", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
    print(isinstance(e, SyntaxError))
try:
    exec("return 5")
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset, repr(e.text))
