# "* argument may appear only once" only when the second '*' is followed by a parameter name or ',' (3.11's invalid_star_etc); '*)', '*(', '*;' are 'invalid syntax' at the '*'
for s in ['def f(*a, *b): pass\n', 'def f(*a, *, b): pass\n', 'def f(*a, *): pass\n', 'def f(*a, *(b)): pass\n', 'def f(*a, b, *c): pass\n', 'def f(*a, b=1, *c): pass\n',
          'def f(*, a, *): pass\n', 'lambda *a, *b: 0\n', 'lambda *a, *: 0\n', 'def f(*a, *;b): pass\n', 'def f(*a, *if): pass\n']:
    try:
        compile(s, 'f', 'exec')
        print(repr(s), 'OK')
    except SyntaxError as e:
        print(repr(s), (e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset))
