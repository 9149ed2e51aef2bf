# SyntaxErrors of compile(): "'(' was never closed" only when the parser's last token lies on a later line than the bracket; the text keeps its newline only on the tokenizer's current line; tokenizer errors have no range
import sys, warnings, os
srcs = ['x = 1\ny = (\nz = 2\n', 'x = 1 +\ny = 2\n', 'x = 1\n  y = 2\n', 'x = 1\ny = $\nz=3\n', 'def f(:\n pass', 'def f(:\n pass\n',
        'x = (1,\n2\n', 'x = [1,\n', 'f(a for a in b, c)\nx=1\n', 'x = 1\nif x:\npass\n', 'a = 1\nb = 2 3\nc = 4\n', 'x = 1\nx = "abc\n',
        'x = 1\nx = """abc\n', 'x = 1\n1 = x\ny=2\n', '(a, b\nc = 3\n', 'x = {1: 2,\n 3}\n', 'print(1\nprint(2)\n', 'foo(\n', 'a[1\n', 'x = (1\n+)\n',
        'if x\n  pass\n', 'x = 1 if 2\ny=3\n', 'x = ([)]\n', 'x = ([)\n]\n', 'x = 1)\n', 'x = 1 \\ 2\n', 'x = 1 +', 'x = (', 'x = (\n', 'f(a b', 'f(a b\n', 'f(a\nb', 'f(a,\nb c', '[1, 2\n3]\n',
        'def f(x:\n  pass\n', 'class C(:\n  pass\n', 'x = {\n', 'x = {1:\n', 'if True:\n\tx = 1\n        y = 2\n', 'if True:\n    x = 1\n  y = 2\n',
        'x = 1\n\\', 'x = 1 + \\\n', '(1 +\n', 'x = "\\d" (\n', 'x = 0777\n', 'x = 1_\n', 'x = 0x\n', 'x = 1e\n', 'x = 5 €\n', 'x = \x01\n', 'x = (1\n$)\n',
        'x = (1\ny = 2\n', 'lambda x:\n', 'def f():\n  return (\n', 'for x in (1,\n', 'x = [i for i in\n', 'x = (yield\n', 'import (a\n', 'x = f(**\n',
        'x = 1\ny = 2 2\n', 'x = 1\nif x:\n  y = 3 3\n', 'f(a=1, b)\n', 'x = (a\n= 1)\n', 'x =\n', 'x = 1\nx +=\n', 'x = (1,\n 2 3)\n', 'x = 1;;\n', 'del f()\n', 'x = (1 if 2)\n',
        ]
modes = ['exec', 'eval']
for s in srcs:
    for mode in modes:
        try:
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter('always')
                compile(s, 'f', mode)
            print(repr(s), mode, 'OK', [str(m.message) for m in w])
        except SyntaxError as e:
            print(repr(s), mode, type(e).__name__, (e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset))
more = ['x = 1 +\n\tif x:\n  y\n', 'x = (1 +\ny = 2 \\ 3)\n', 'x = 1 +\ny = 2 \\ 3\n', 'if x:\n    a\n  b\n', 'if x:\n    a\n  b\nc = $\n', 'x = = 1\nif x:\n    a\n  b\n',
        'f(1 \\ 2)\n', 'def f(:\n  x\n y\n', 'if x:\n\ta\n        b\n', 'x = 1 = 2\nif x:\n\ta\n        b\n', 'x = [1,\n2 3\n', 'x = [1,\n2 3]\n', 'x = [1 2\n', 'x = (\n1 +\n', 'x = 1\ny = (\n1 2\n',
        'print "x"\n(\n', 'if x:\n  pass\n else:\n  pass\n', 'x = {1: 2\n', 'for x in range(3:\n  pass\n', 'while (x:\n  pass\n', 'class C(A, B:\n  pass\n', 'x = f(a, b\ny = 2\n', 'x = [i for i in range(3)\nprint(x)\n']
for s in more:
    for mode in modes:
        try:
            compile(s, 'f', mode)
            print(repr(s), mode, 'OK')
        except SyntaxError as e:
            print(repr(s), mode, type(e).__name__, (e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset))
