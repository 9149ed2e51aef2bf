# A line that begins with the name 'match', is no match header and no simple statement: 3.11's second pass tries invalid_match_stmt ("match" subject_expr NEWLINE: "expected ':'" at the NEWLINE) before the simple statement's error; a subject that does not reach the end of the line leaves the generic error at the furthest token read
cases = ['match x\n', 'match x, y\n', 'match f(x)\n', 'match a b\n', 'match *x\n', 'match *x, y\n', 'match x,\n', 'match x if y else z\n',
         'match x := 1\n', 'match (x := 1)\n', 'match -x\n', 'match [x]\n', 'match x\ny = 1\n', 'if 1:\n  match x\n', 'match x\n  case 1: pass\n',
         'match x.y\n', 'match x = 1\n', 'match not x\n', 'match lambda: 1\n', 'match x # c\n', 'match {x}\n', 'match await x\n', 'match yield\n',
         'match 1 +\n', 'match = 1; y y\n', 'match x:\n  case 1\n    pass\n', 'match(x)\n', 'match\n']
for src in cases:
    try:
        compile(src, 'f', 'exec')
        r = 'ok'
    except SyntaxError as e:
        r = (type(e).__name__, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    print(repr(src), r)
