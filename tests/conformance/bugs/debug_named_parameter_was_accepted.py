# A def's or lambda's parameter named __debug__ is refused ("cannot assign to __debug__", at the def
# or the lambda); it compiled.
sources = [
    'def f(__debug__): pass',
    'def f(a, __debug__=1): pass',
    'def f(*, __debug__): pass',
    'def f(*__debug__): pass',
    'def f(**__debug__): pass',
    'lambda __debug__: 0',
    'lambda *__debug__: 0',
    'def f(x, *, y=lambda __debug__: 0): pass',
    'def f(a, /, __debug__): pass',
    'def f(__debug__, /): pass',
    'async def f(__debug__): pass',
    'class C:\n  def f(self, __debug__): pass',
]
for s in sources:
    try:
        compile(s, '<s>', 'exec')
        print(repr(s), 'compiled')
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
