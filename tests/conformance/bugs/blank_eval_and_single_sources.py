# 'eval' and 'single' sources with no token (blank lines, comments): those modes add no newline, so a last line of blanks is "unexpected indent" at its end (a form feed sets the column back), and otherwise the generic error is at the end marker, whose column 3.11 does not know: offset 0, the last line as the text (line 0, '' for an empty source); refheap gave offsets after the line's end, no text, or line 0 for every 'single' source
import ast
srcs = ['', '\n', '   ', '# c\n', '\n\n', '  \n', '# c', '\n# c\n', '\t', ' \n ', ' # c', '\n  ', '\n\n\n', '\r\n', '\x0c', ' \x0c', '\x0c ', '#\n  \n\t']
for mode in ['single', 'eval', 'exec']:
    for src in srcs:
        try:
            compile(src, 'f', mode)
            r = 'ok'
        except SyntaxError as e:
            r = (type(e).__name__, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
        print(mode, repr(src), r)
for src in ['', ' ', '\n', '# c', '\t\n', ' \n ']:
    for name, f in (('eval', eval), ('ast eval', lambda s: ast.parse(s, mode='eval')), ('ast single', lambda s: ast.parse(s, mode='single'))):
        try:
            f(src)
            r = 'ok'
        except SyntaxError as e:
            r = (type(e).__name__, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
        print(name, repr(src), r)
