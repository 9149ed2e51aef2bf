# compile(..., 'single') parses one statement only: what follows a simple statement is "multiple statements found while compiling a single statement" at its NEWLINE (from a comment before it), even when a later line has a syntax error; after a compound statement it is 'invalid syntax'
srcs = ['x = 1\ny = 2\n', 'x = 1; y = 2\n', 'if x:\n  pass\ny = 1\n', 'if x:\n  pass\n', 'x = 1\n\n# c\n', 'x = 1\n  \n', 'def f():\n  return 1\n\n', 'x = 1 # c\ny\n', 'for x in y: pass\nz\n',
        'x = 1\ny = (\nz = 2\n', 'x = 1\n  y = 2\n', 'x = 1\ny = $\nz=3\n', 'x = 1\nif x:\npass\n', 'a = 1\nb = 2 3\nc = 4\n', 'x = 1\n1 = x\ny=2\n', 'x = 1\n\\', 'x = 1\nx +=\n', 'x = 1\nif x:\n  y = 3 3\n']
for s in srcs:
    try:
        compile(s, 'f', 'single')
        print(repr(s), 'OK')
    except SyntaxError as e:
        print(repr(s), type(e).__name__, (e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset))
