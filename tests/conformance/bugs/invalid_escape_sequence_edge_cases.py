# invalid escape sequences: f-strings warn for '\{' as they scan and again when the part is decoded, bytes warn for \N and \u, a backslash before a non-ASCII character and three octal digits up to 0o377 do not warn, each literal of a concatenation warns at its own line
import warnings
srcs = ['x = f"\\{1}"\n', 'x = f"\\d{{\\e"\n', 'x = f"\\d{1}\\e"\n', 'x = f"{1:\\d}"\n', 'x = b"\\N{x}\\u1234"\n', 'x = "\\é"\n', 'x = "\\8\\9"\n', 'x = "\\400"\n', 'x = "\\1234"\n',
        'x = "\\d" \\\n  "\\q"\n', 'x = "\\\n\\d"\n', 'x = f"\\N{DIGIT ONE}\\d"\n', 'x = rb"\\d" b"\\d"\n', 'x = u"\\d"\n', 'x = "\\d"\ny = (\n', 'x = "\\d"\ny = 1 +\n',
        'def f():\n  "\\d"\n', 'x = "\\ "\n', 'x = "\\\t"\n', 'x = "abc\\\\d"\n']
for s in srcs:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(s, "f", "exec")
            r = 'ok'
        except SyntaxError as e:
            r = (e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    print(repr(s), [(m.category.__name__, str(m.message), m.lineno) for m in w], r)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(s, "f", "exec")
            print('  ok')
        except SyntaxError as e:
            print('  ', (e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset))
for s in ['f"\\{1}"', 'f"\\d\\{1}"', 'f"a\\{{1}}"', 'f"\\{{"', 'f"\\\\{1}"', 'f"\\{1}\\{2}"']:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        v = eval(s)
    print(s, repr(v), [str(m.message) for m in w])
