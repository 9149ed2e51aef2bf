# a comprehension whose 'for' target is not followed by 'in' reads the target as expressions (invalid_for_target): two in a row say "Perhaps you forgot a comma?"
for s in ['x = [i * 2 for iin range(10) if  2]\n', 'x = [i * 2 for i inin range(10) if i % 2]\n', 'x = [i * 2 for i  range(10) if i % 21]\n', 'x = [i * 2 for i lambdain range(10)]\n',
          'x = {i for i j}\n', 'x = (i for i, j k)\n', 'x = [i for i]\n', 'x = [i for f() in y]\n', 'for i inin range(3):\n  pass\n']:
    try:
        compile(s, 'f', 'exec')
        print(repr(s), 'OK')
    except SyntaxError as e:
        print(repr(s), (e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset))
