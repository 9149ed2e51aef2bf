# an annotation target error (illegal target, only single target) needs an expression after the ':' as 3.11's invalid_assignment rules do; without one it is 'invalid syntax' at the ':'; a bare tuple target is reported at its first item
for s in ['f():\n', 'f(): int\n', '(a, b): int\n', '(a, b):\n', '[a]: int\n', '[a]:\n', 'a + 1: x = 3\n', 'a, b: int\n', 'a, b:\n', 'f(): int = 3\n', 'x: \n', 'x.y:\n', '1: 2\n',
          'class C(object):\n        dm(self):\n        pass\n', 'f(x): -1\n', 'f(x): not y\n', 'f(x): lambda: 1\n', 'f(x): *a\n', 'f(x): yield\n', 'f(x): (\n1)\n', '"s": 1\n', 'f(x): await y\n']:
  try: compile(s,'f','exec'); print(repr(s), 'OK')
  except SyntaxError as e: print(repr(s), (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
