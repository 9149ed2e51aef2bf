# A TabError, an unindent matching no level, or a character after a backslash is raised only when the parser reads that far: a parser error before it wins, in exec and eval modes
srcs = ['x = 1 +\n\tif x:\n  y\n', 'x = = 1\nif x:\n    a\n  b\n', 'x = 1 = 2\nif x:\n\ta\n        b\n', 'if x:\n    a\n  b\n', 'if x:\n\ta\n        b\n',
        'x = 1 \\ 2\n', 'f(1 \\ 2)\n', 'x = (1 +\ny = 2 \\ 3)\n', 'x = 1 +\ny = 2 \\ 3\n', 'if True:\n    x = 1\n  y = 2\n', 'if x:\n    a\n  b\nc = $\n']
for s in srcs:
    for mode in ('exec', 'eval'):
        try:
            compile(s, 'f', mode)
            print(repr(s), mode, 'OK')
        except SyntaxError as e:
            print(repr(s), mode, type(e).__name__, (e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset))
