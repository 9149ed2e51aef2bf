# "expected ':'" only when the line ends where the ':' should be (if, elif, while, for, with, except, class, match, case); def, try, else and finally say it for any token; otherwise 'invalid syntax', as 3.11's grammar
for s in ['if x y:\n  pass\n', 'if x\n  pass\n', 'while x y:\n  pass\n','while x\n  pass\n', 'for x in y z:\n  pass\n', 'for x in y\n  pass\n', 'with a b:\n  pass\n', 'with a\n  pass\n', 'with (a, b) c:\n  pass\n',
 'try:\n  pass\nexcept E F:\n  pass\n', 'try:\n  pass\nexcept E\n  pass\n', 'try:\n  pass\nexcept\n  pass\n', 'try:\n  pass\nexcept E as e f:\n  pass\n', 'class C D:\n  pass\n', 'class C(D) E:\n  pass\n', 'class C\n  pass\n',
 'def f() x:\n  pass\n', 'try x:\n  pass\n', 'if x:\n  pass\nelse x:\n  pass\n', 'try:\n  pass\nfinally x:\n  pass\n', 'if x:\n  pass\nelif y z:\n  pass\n', 'if x:\n  pass\nelif y\n  pass\n', 'match x y:\n  case 1: pass\n', 'match x:\n  case 1 2: pass\n', 'def f() -> int x:\n  pass\n', 'for x in y if z:\n  pass\n', 'while x for:\n  pass\n', 'with a as b c:\n  pass\n','try:\n  pass\nexcept* E F:\n  pass\n']:
  try: compile(s,'f','exec'); print(repr(s), 'OK')
  except SyntaxError as e: print(repr(s), (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
for s in ['match x:\n  case 1\n    pass\n', 'match x:\n  case 1 if y z:\n    pass\n', 'match x:\n  case 1 if y\n    pass\n', 'match x, y z:\n  case 1: pass\n', 'try:\n  pass\nexcept E as e\n  pass\n', 'try:\n  pass\nexcept*\n  pass\n', 'try:\n  pass\nexcept*:\n  pass\n', 'class C(D)\n  pass\n', 'with a as b\n  pass\n', 'for x in y, z\n  pass\n']:
  try: compile(s,'f','exec'); print(repr(s), 'OK')
  except SyntaxError as e: print(repr(s), (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
