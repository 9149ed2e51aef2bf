# str.splitlines ignored keepends (textwrap.indent, and so traceback.format_exception, lost every
# line end) and knew only \n, \r and \r\n of 3.11's line boundaries
for s in ['a\nb\r\nc\rd', 'x\n', '', '\n\n', 'v\x0bf\x0cg\x1ch\x1di\x1ej\x85k\u2028l\u2029m', 'no end']:
    print(s.splitlines(), s.splitlines(True), s.splitlines(keepends=1))
