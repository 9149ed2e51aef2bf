# A number run into a keyword (1if, 0x1for, 1.5and, 1jor, 1not in) gives 3.11's SyntaxWarning "invalid <kind> literal" at compile time, once per number; made an error it is the tokenizer's SyntaxError at the number's end
import warnings
srcs = ['x = 1if y else 2\n', 'x = [0x1for x in y]\n', 'x = 1 in y\n', 'x = 1in y\n', 'x = 1.5and y\n', 'x = 1jor y\n', 'x = 1 if 1else 2\n',
        'x = 0o7or y\n', 'x = 0b1is y\n', 'x = 1not in y\n', 'x = 1e5if y else 2\n', 'x = "\\d" if 1else "\\q"\n', 'x = 1\ny = 2or\n']
for s in srcs:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(s, "f", "exec")
            r = "ok"
        except SyntaxError as e:
            r = (e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    print(repr(s), [(m.category.__name__, str(m.message), m.lineno) for m in w], r)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(s, "f", "exec")
            print("  ok")
        except SyntaxError as e:
            print("  ", (e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset))
# after a parser error the rest of the source is tokenized, and its warnings are given
for s in ['x = = 1\ny = 1if 2 else 3\n', 'x = (1 2\ny = 1if 2 else 3)\n', 'x = 1if 2 else 3\ny = = 1\n', 'if x:\n  y = = 0x1or 2\n\tz = 1else\n']:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(s, "f", "exec")
            r = "ok"
        except SyntaxError as e:
            r = (type(e).__name__, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    print(repr(s), [(str(m.message), m.lineno) for m in w], r)
